@availability @tcp-routing
Feature: A TCP route stays up while the platform is deployed
  The tcp-route probe opens a connection per check to the TCP router at the route's port, sends a line and reads
  the answer (availability.probes.tcp-route sets its pace and thresholds; by default 10 Hz, 99.5%, no outage over
  2 s). Every sample goes to reports/availability/tcp-route-N.csv, the timeline to its SVG.

  @sim
  Scenario: A TCP route to an app with 2 instances stays up during a platform deploy
    Given the TCP echo app is pushed with 2 instances
    When a TCP route is mapped to the app
    And a line sent to the TCP route comes back unchanged
    And the platform is deployed while a probe measures the TCP route
    Then the TCP route probe held its thresholds
