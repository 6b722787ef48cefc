@acceptance @logging
Feature: App logs stream from CF's log stream while the app writes them

  Scenario: Lines an app writes while its log is streamed arrive on the stream in order
    Given the test app is pushed
    When the app's log is streamed from the log stream of GET /
    And the app writes 10 numbered lines to its log
    Then the stream delivers the lines in order, each once, from the app's instance

  Scenario: The log stream refuses a reader without a token
    When the app's log stream is opened without a token
    Then the log stream refuses with 404 "not_found"
