@acceptance @deployments
Feature: Rolling deployments replace every instance without a failed request

  @zero-downtime
  Scenario: A rolling deployment of a new droplet fails no request and switches versions
    Given the test app is pushed with 2 instances
    And a droplet of the test app with version "v2" is staged for the app
    When the app is deployed to that droplet while a probe requests "/version" at 10 Hz
    Then the deployment ends DEPLOYED
    And the probe saw no failed request
    And the answers switched from version "v1" to "v2"
    And every instance was replaced

  Scenario: Cancelling a deployment returns to the old droplet
    Given the test app is pushed with 2 instances
    And a droplet of the test app with version "v2" is staged for the app
    When a deployment to that droplet starts and is cancelled
    Then the deployment ends CANCELED
    And the app runs its old droplet and answers version "v1"
