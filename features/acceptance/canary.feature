@acceptance @deployments @canary
Feature: Canary deployments try one new instance first, and deployments replace at most max_in_flight at once

  Scenario: A canary deployment pauses with one new instance beside the old ones, and continue finishes it
    Given the test app is pushed with 3 instances
    And a droplet of the test app with version "v2" is staged for the app
    When a canary deployment to that droplet starts
    Then the deployment pauses with status reason PAUSED
    And exactly 1 instance answers version "v2" while the others still answer "v1"
    When the deployment is continued
    Then the canary deployment ends DEPLOYED and every instance answers version "v2"

  @max-in-flight
  Scenario: A deployment with max_in_flight 2 replaces two instances at a time, never more
    Given the test app is pushed with 4 instances
    And a droplet of the test app with version "v2" is staged for the app
    When the app is deployed to that droplet with max_in_flight 2
    Then the cells' logs show exactly 2 new instances starting at once at the most

  @cancel
  Scenario: Cancelling a paused canary returns every instance to the old version
    Given the test app is pushed with 2 instances
    And a droplet of the test app with version "v2" is staged for the app
    When a canary deployment to that droplet starts
    Then the deployment pauses with status reason PAUSED
    When the canary deployment is cancelled
    Then the canary deployment ends CANCELED and every instance answers version "v1"
