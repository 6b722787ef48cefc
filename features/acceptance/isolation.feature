@acceptance @isolation
Feature: Users see and change only the spaces they have a role in

  @space-boundary
  Scenario: A space developer works in their space and cannot see or create beyond it
    Given a user who is a space developer in the scenario's space only
    And another space of the org holds an app
    Then the developer can create and change an app in their space
    And the other space's app is not found for the developer
    And creating an organization is refused to the developer with 403 "CF-NotAuthorized"

  Scenario: Removing the role takes the access away
    Given a user who is a space developer in the scenario's space only
    And the developer can create and change an app in their space
    When the developer's space role is removed
    Then the developer no longer sees the app in that space

  Scenario: A request without a token is refused
    When I list organizations without a token
    Then the API refuses with 401 "CF-NotAuthenticated" and code 10002
