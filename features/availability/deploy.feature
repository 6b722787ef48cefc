@availability
Feature: Apps and the API stay up while the platform is deployed or fails
  Probes at a fixed rate through the router and at the API, every sample kept in reports/availability/,
  the timeline plotted, the figures in summary.json. Against a real CF the deploy is the --during command.

  Scenario: An app with 2 instances and the API stay up during a platform deploy
    Given the test app is pushed with 2 instances
    When the platform is deployed while probes measure the app at 10 Hz and the API at 2 Hz
    Then the app was available at least 99.5% of the time, with no outage longer than 2.0 s
    And the API was available at least 99.0% of the time
    And the instances that answered changed during the deploy

  @sim
  Scenario: A deploy without evacuation causes an outage that Vigil measures
    Given the test app is pushed
    When the platform is deployed without evacuation while a probe measures the app at 10 Hz
    Then an outage of the app between 0.2 and 60.0 seconds was measured

  @ha
  Scenario: A failed cell does not take a 2-instance app down, and its instances run again elsewhere
    Given the test app is pushed with 2 instances
    When a cell fails while a probe measures the app at 10 Hz until its instances run again
    Then the app was available at least 99.0% of the time, with no outage longer than 2.0 s
    And the app's instances all run again within 60 seconds
