@acceptance @routing
Feature: Routes lead where CF says they lead
  Several routes per app, several apps per route, path routes, one instance on request, unknown hosts refused.

  Scenario: Two routes to one app both answer
    Given the test app is pushed
    When a second route is mapped to the app
    Then both routes answer with the app's greeting

  @unmap
  Scenario: An unmapped route stops answering while the other keeps working
    Given the test app is pushed
    When a second route is mapped to the app
    And the second route is unmapped from the app
    Then the second route answers 404 with router error "unknown_route"
    And the first route still answers with the app's greeting

  Scenario: One route to two apps reaches both
    Given the test app is pushed as "blue"
    And the test app is pushed as "green"
    When app "green" is also mapped to the route of app "blue"
    Then requests to the route of app "blue" reach both "blue" and "green"

  Scenario: A path route reaches only its app
    Given the test app is pushed as "web"
    And the test app is pushed as "api"
    When app "api" is mapped to the path "/api" of the host of app "web"
    Then requests for "/api/index" on that host reach only "api"
    And requests for "/index" on that host reach only "web"

  Scenario: A specific instance is reached with X-Cf-App-Instance
    Given the test app is pushed with 2 instances
    Then a request with X-Cf-App-Instance for instance 1 is answered by instance 1
    And a request with X-Cf-App-Instance for instance 0 is answered by instance 0

  Scenario: An unknown host gets the router's 404
    Then a request for an unknown host in the apps domain answers 404 with router error "unknown_route"
