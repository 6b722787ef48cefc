@acceptance @services @user-provided
Feature: User-provided services reach the apps they are bound to

  Scenario: A bound user-provided service appears in VCAP_SERVICES with its credentials, and goes when unbound
    Given the test app is pushed
    When a user-provided service instance with credentials is bound to the app and the app is restarted
    Then VCAP_SERVICES in the app holds the instance with its credentials
    When the service instance is unbound and the app is restarted
    Then VCAP_SERVICES in the app no longer holds the instance
