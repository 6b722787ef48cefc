@acceptance @revisions
Feature: Every deployed droplet or environment is a revision, and an earlier revision can be deployed back

  Scenario: Rolling back to an earlier revision deploys its droplet and the app serves the old version again
    Given the test app is pushed with 2 instances
    And a droplet of the test app with version "v2" is staged for the app
    When the app is deployed to that droplet and the deployment finishes
    Then the app answers version "v2"
    And the app has revision 1 "Initial revision." and revision 2 "New droplet deployed."
    When the app is rolled back to revision 1 and the deployment finishes
    Then the app answers version "v1"
    And the deployed revision is 3 "Rolled back to revision 1." with the droplet of revision 1

  Scenario: Rolling back to an earlier revision restores its environment variables
    Given the test app is pushed
    When the app's environment variable "VIGIL_GREETING" is set to "hello" and deployed
    Then the app sees "VIGIL_GREETING" as "hello"
    And the deployed revision says "New environment variables deployed."
    When the app is rolled back to revision 1 and the deployment finishes
    Then the app does not see "VIGIL_GREETING"
    And the deployed revision says "Rolled back to revision 1."
