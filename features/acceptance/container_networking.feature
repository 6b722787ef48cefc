@acceptance @container-networking
Feature: Apps reach each other on internal routes only where a network policy allows
  An internal route (<host>.apps.internal) maps a hostname to an app's instances on port 8080. The source app
  itself makes the call, with the JDK's HttpClient at its defaults, as any app in a container would.

  Scenario: An app reaches another over an internal route only while a policy allows it
    Given the test app is pushed as "frontend"
    And the test app is pushed as "backend"
    And app "backend" has an internal route
    Then app "frontend" cannot reach app "backend" over its internal route
    When a network policy lets app "frontend" reach app "backend" on port 8080
    Then app "frontend" reaches app "backend" over its internal route
    When the network policy from app "frontend" to app "backend" is removed
    Then app "frontend" cannot reach app "backend" over its internal route

  Scenario: A policy lets in only its own source app
    Given the test app is pushed as "frontend"
    And the test app is pushed as "backend"
    And the test app is pushed as "stranger"
    And app "backend" has an internal route
    When a network policy lets app "frontend" reach app "backend" on port 8080
    Then app "frontend" reaches app "backend" over its internal route
    And app "stranger" cannot reach app "backend" over its internal route

  Scenario: An internal route is not reachable from outside CF
    Given the test app is pushed as "backend"
    And app "backend" has an internal route
    Then the internal route of app "backend" is not served by the public router
