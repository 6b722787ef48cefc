@acceptance @syslog
Feature: Syslog drains receive the logs of the apps bound to them, as CF's syslog agent sends them

  Scenario: An app's lines reach a bound syslog drain as octet-counted RFC 5424 messages naming the app
    Given a syslog drain listener app is pushed
    And the test app is pushed
    When a user-provided service with the listener as syslog drain is bound to the app
    And the app keeps writing a unique line to its log until the listener has it
    Then the line arrived octet-counted, as an RFC 5424 message
    And the message names the app as CF's syslog agent does: HOSTNAME org.space.app, APP-NAME its GUID, PROCID of its web instance 0
    And its priority is 14, facility user and severity info

  Scenario: Lines an app writes to stderr reach the drain with severity error
    Given a syslog drain listener app is pushed
    And the test app is pushed
    When a user-provided service with the listener as syslog drain is bound to the app
    And the app keeps writing a unique line to its stderr until the listener has it
    Then its priority is 11, facility user and severity err

  Scenario: Lines of an app that is not bound to the drain do not reach it
    Given a syslog drain listener app is pushed
    And the test app is pushed as "unbound"
    And the test app is pushed
    When a user-provided service with the listener as syslog drain is bound to the app
    And the "unbound" app and the app keep writing unique lines, in that order, until the listener has the app's
    Then the listener got no line of the "unbound" app
