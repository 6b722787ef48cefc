@smoke
Feature: An app can be pushed, reached, scaled, seen in its logs and deleted
  What a platform must do for every team on it, checked the way CF's own smoke tests do:
  through the API and the router, with the app's own answers as evidence.

  Background:
    Given the test app is pushed

  Scenario: A pushed app answers through its route
    Then its route answers 200 with the app's greeting

  Scenario: An app scaled to 2 instances runs and answers on both
    When the app is scaled to 2 instances
    Then 2 instances are RUNNING
    And every instance index answers through the route

  Scenario: The app's own output shows in its recent logs
    When the app writes a unique line to its log
    Then its recent logs show that line from the app's instance

  Scenario: A deleted app's route is gone from the router
    When the app is deleted
    Then its route answers 404 with router error "unknown_route"
