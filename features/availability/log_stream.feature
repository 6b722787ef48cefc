@availability
Feature: App logs keep streaming while the platform is deployed
  As uptimer's streaming-logs measurement: the probed app's log is followed on CF's log stream, and every few
  seconds the probe has the app write a line of its own, which must arrive on the stream within the probe's bound
  (config availability.probes.log-stream, 80 % of timeout_ms; by default 4 s, no outage over 30 s).

  @sim @log-stream
  Scenario: Lines an app writes during a platform deploy arrive on its log stream
    Given the test app is pushed with 2 instances
    When the platform is deployed while the probes measure the app and the API and stream its log every 2 s
    Then the log-stream probe took at least 3 samples, and every line it had the app write arrived on the stream
    And every probe held its thresholds
