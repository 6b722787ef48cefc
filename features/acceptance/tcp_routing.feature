@acceptance @tcp-routing
Feature: TCP routes carry raw bytes to apps
  A route with a port in the TCP domain (router group default-tcp), reached with a plain socket at the TCP
  router (tcp_router_address, or the TCP domain's DNS) on the route's port. The app speaks no HTTP: it echoes lines.

  Scenario: Lines sent over a TCP route come back from the app
    Given the TCP echo app is pushed with 1 instance
    When a TCP route is mapped to the app
    Then 3 lines sent over one connection to the TCP route come back in order

  Scenario: Connections to a TCP route are spread over the app's instances
    Given the TCP echo app is pushed with 2 instances
    When a TCP route is mapped to the app
    Then connections to the TCP route reach every instance of the app

  Scenario: An unmapped TCP route stops carrying bytes
    Given the TCP echo app is pushed with 1 instance
    When a TCP route is mapped to the app
    And a line sent to the TCP route comes back unchanged
    And the TCP route is unmapped from the app
    Then the TCP route no longer carries bytes to the app
