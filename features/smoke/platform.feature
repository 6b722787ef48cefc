@smoke @platform
Feature: The platform answers and lets an admin in
  Before anything is pushed, the Cloud Controller must answer, say where to log in,
  issue tokens to the admin and refuse requests that carry no valid token.

  Scenario: The API answers and says where to log in
    When I read the API's root and info
    Then the root links to a login server, a UAA and the v3 API
    And the v3 API version is at least "3.0.0"

  Scenario: The admin logs in and makes an authenticated call
    When the admin logs in
    Then UAA issues a token for the admin that has not expired
    And the token lets the admin list organizations

  Scenario: A request without a token is refused
    When I list organizations without a token
    Then the API refuses with 401 "CF-NotAuthenticated" and code 10002

  Scenario: A request with a tampered token is refused
    When I list organizations with a tampered token
    Then the API refuses with 401 "CF-InvalidAuthToken" and code 1000
