@acceptance @apps
Feature: Apps recover from crashes, unhealthy instances are taken out, scaling changes what answers

  Scenario: A crashed instance is restarted and the app recovers
    Given the test app is pushed
    When instance 0 of the app crashes
    Then instance 0 runs again with a new instance GUID
    And the app answers through its route again

  Scenario: An instance failing its http health check is not routed to
    Given the test app is pushed with 2 instances
    And the app's health check is http on "/health", checked every 1 seconds
    When instance 1 of the app turns unhealthy
    Then requests through the route no longer reach the unhealthy instance

  Scenario: Scaling up makes the new instances answer
    Given the test app is pushed
    When the app is scaled to 3 instances
    Then 3 different instances answer through the route

  Scenario: Scaling down leaves only the remaining instance answering
    Given the test app is pushed with 3 instances
    When the app is scaled to 1 instances
    Then 1 different instances answer through the route
