@acceptance @apps
Feature: An app's lifecycle behaves as CF documents it
  Stop, start and restart do what they say; what is set on the app reaches the app.

  Background:
    Given the test app is pushed

  Scenario: A stopped app leaves its route and its instances are DOWN
    When the app is stopped
    Then its route answers 404 with router error "unknown_route"
    And its instances are reported DOWN

  Scenario: A started app answers again
    When the app is stopped
    And the app is started
    Then its route answers 200 with the app's greeting

  Scenario: A restart replaces every instance
    When the app is restarted
    Then every instance has a new instance GUID
    And its route answers 200 with the app's greeting

  @env
  Scenario: An environment variable set on the app is seen by the app after a restart
    When the environment variable "VIGIL_GREETING" is set to "hello from the platform" and the app is restarted
    Then the app sees "VIGIL_GREETING" set to "hello from the platform"

  Scenario: VCAP_APPLICATION tells the app its name, space and routes
    Then VCAP_APPLICATION in the app names the app, its space and its route

  @detect
  Scenario: Bits that no buildpack detects fail staging with the reason and never start
    When bits that no buildpack detects are pushed
    Then staging fails with "NoAppDetectedError"
    And the app was never started
