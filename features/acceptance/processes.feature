@acceptance @v3
Feature: Apps run several processes, each with its own health and readiness checks

  @processes
  Scenario: A Procfile's worker process runs beside the web process and scales on its own
    Given the test app with a Procfile worker is pushed
    Then the app has a worker process with 0 instances, a process health check and no route
    When the worker process is scaled to 2 instances
    Then 2 worker instances log their ticks
    And the web process still runs 1 instance

  @readiness
  Scenario: An instance failing its readiness check leaves the routes without a restart, and comes back
    Given the test app is pushed with 2 instances
    And the app's readiness check is http on "/ready", checked every 1 seconds
    When instance 1 of the app is not ready for 8 seconds
    Then instance 1 is RUNNING but not routable, with the same instance GUID
    And requests through the route reach only the other instances
    And instance 1 is routable again with the same instance GUID

  @health-checks
  Scenario: An http health check on a path the app does not serve keeps the app from running until fixed
    Given the test app is pushed
    When the app's health check is http on "/no-such-page" with a 2 second start timeout and the app restarts
    Then no instance of the app becomes RUNNING within 6 seconds
    When the health check endpoint is "/health" and the app restarts
    Then 1 instances are RUNNING
