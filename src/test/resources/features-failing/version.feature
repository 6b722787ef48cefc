@smoke
Feature: A team's own feature that fails

  Scenario: The platform is newer than it is
    When I read the API's root and info
    Then the v3 API version is at least "999.0.0"

  Scenario: The platform answers
    When I read the API's root and info
    Then the root links to a login server, a UAA and the v3 API
