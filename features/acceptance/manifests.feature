@acceptance @manifests
Feature: A manifest applied to a space shapes the app

  Scenario: A manifest sets instances, environment and routes
    Given the test app is pushed
    When a manifest giving the app 2 instances, the variable "VIGIL_FROM_MANIFEST" = "yes" and a second route is applied and the app restarted
    Then the app runs 2 instances
    And the app sees "VIGIL_FROM_MANIFEST" set to "yes"
    And the manifest's route leads to the app
