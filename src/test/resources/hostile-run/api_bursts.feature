@availability
Feature: Apps stay up while the CF API has bursts of faults
  The bundled availability scenario's probes and app, with the API's own threshold lowered: the API is
  expected to fail during the bursts, and the probes must count that.

  Scenario: An app with 2 instances stays up while the API answers 503, 429 and late in bursts
    Given the test app is pushed with 2 instances
    When the platform is deployed while probes measure the app at 10 Hz and the API at 2 Hz
    Then the app was available at least 99.5% of the time, with no outage longer than 2.0 s
    And the API was available at least 50.0% of the time
