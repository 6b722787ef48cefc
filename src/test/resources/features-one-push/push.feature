@smoke
Feature: One pushed app, for tests of what happens around a run

  Scenario: A pushed app answers through its route
    Given the test app is pushed
    Then its route answers 200 with the app's greeting
