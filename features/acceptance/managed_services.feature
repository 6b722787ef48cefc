@acceptance @services
Feature: Managed services from a service broker, route services and sharing, as platforms offer them

  @managed-services @brokers
  Scenario: A space-scoped broker's catalog becomes offerings and plans visible in its space only
    Given Vigil's test service broker is pushed and registered in the scenario's space
    Then the broker's offerings and plans are listed, visible in that space only

  @managed-services
  Scenario: An asynchronous provision stays in progress until the broker says it succeeded
    Given Vigil's test service broker is pushed and registered in the scenario's space
    When a service instance of plan "async" is created
    Then the instance's last operation is "create in progress" right after it was asked for
    And the instance's last operation becomes "create succeeded"

  @managed-services
  Scenario: An app bound to a managed instance reads the broker's credentials in VCAP_SERVICES
    Given Vigil's test service broker is pushed and registered in the scenario's space
    And a service instance of plan "sync" is created and provisioned
    And the test app is pushed
    When the instance is bound to the app and the app is restarted
    Then VCAP_SERVICES in the app holds the instance with the credentials the broker gave

  @managed-services
  Scenario: A service key gets its credentials from the broker and is deleted at the broker
    Given Vigil's test service broker is pushed and registered in the scenario's space
    And a service instance of plan "sync" is created and provisioned
    When a service key is created for the instance
    Then the key's credentials are the ones the broker holds for it
    When the service key is deleted
    Then neither CF nor the broker has the key any more

  @managed-services @brokers
  Scenario: A broker that fails to provision leaves the instance failed, with the broker's description
    Given Vigil's test service broker is pushed and registered in the scenario's space
    When a service instance of plan "failing" is created
    Then the instance's last operation becomes "create failed"
    And its description carries the broker's own words

  @route-services
  Scenario: A route service sees a route's requests and forwards them to the app
    Given the test app is pushed
    And Vigil's route service is pushed and bound to the app's route
    When the app's route is requested
    Then the answer comes from the app, through the route service

  @route-services @managed-services
  Scenario: A route service offered by a broker sees a bound route's requests and forwards them to the app
    Given the test app is pushed
    And Vigil's route service is pushed, offered by Vigil's test broker, and an instance of it is bound to the app's route
    When the app's route is requested
    Then the answer comes from the app, through the route service

  @managed-services @sharing
  Scenario: A managed instance shared to a second space is listed there until it is unshared
    Given Vigil's test service broker is pushed and registered in the scenario's space
    And a service instance of plan "sync" is created and provisioned
    And a second space in the run's organization
    When the instance is shared to the second space
    Then the second space lists the instance
    When an app in the second space is bound to the shared instance
    Then that binding holds the credentials the broker gave
    When the instance is unshared from the second space
    Then the second space no longer lists the instance
    And the app in the second space is no longer bound to the instance
