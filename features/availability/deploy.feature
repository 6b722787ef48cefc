@availability
Feature: Apps and the API stay up while the platform is deployed or fails
  Probes at a fixed rate through the router and at the API, every sample kept in reports/availability/,
  the timeline plotted and attached, the figures in summary.json. Against a real CF the deploy is the --during
  command. Each probe's rate, timeout, thresholds and known errors come from the config's availability section
  (by default the app at 10 Hz, at least 99.5% available with no outage over 2 s; the API at 2 Hz, 99%);
  pushability and log freshness run when the config switches them on.

  Scenario: An app with 2 instances and the API stay up during a platform deploy
    Given the test app is pushed with 2 instances, logging a counter every second
    When the platform is deployed while the probes measure the app and the API
    Then every probe held its thresholds
    And the instances that answered changed during the deploy

  @sim @optional-probes
  Scenario: Apps can be pushed and logs keep flowing during a platform deploy
    Given the test app is pushed with 2 instances, logging a counter every second
    When the platform is deployed while the probes measure the app and the API, pushes every 5 s and log freshness every 2 s
    Then every probe held its thresholds
    And the pushability and log-freshness probes each took at least 2 samples

  @sim
  Scenario: A deploy without evacuation causes an outage that Vigil measures
    Given the test app is pushed
    When the platform is deployed without evacuation while a probe measures the app
    Then an outage of the app between 0.2 and 60.0 seconds was measured

  @ha
  Scenario: A failed cell does not take a 2-instance app down, and its instances run again elsewhere
    Given the test app is pushed with 2 instances
    When a cell fails while a probe measures the app until its instances run again
    Then every probe held its thresholds
    And the app's instances all run again within 60 seconds
