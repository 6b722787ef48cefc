@acceptance @ssh
Feature: cf ssh reaches an app instance's container, for the space's developers only

  Scenario: A command runs in the chosen instance, with that instance's environment
    Given the test app is pushed with 2 instances
    And SSH is enabled for the app
    And a space developer of the scenario's space
    When the user runs "/usr/bin/env && /usr/bin/env >&2" over SSH in instance 1
    Then the command exits 0 and both of its output streams show INSTANCE_INDEX=1 and the app's VCAP_APPLICATION
    And the app's recent logs show "Successful remote access" from source SSH

  Scenario: An interactive shell runs what is typed, in the instance
    Given the test app is pushed
    And SSH is enabled for the app
    And a space developer of the scenario's space
    When the user opens an SSH shell in instance 0 and types "/usr/bin/env"
    Then the shell's output shows INSTANCE_INDEX=0 and the app's VCAP_APPLICATION

  Scenario: A one-time SSH code logs in once only
    Given the test app is pushed
    And SSH is enabled for the app
    And a space developer of the scenario's space
    When the user logs in over SSH to instance 0 with a one-time code
    Then logging in again with the same code is refused

  Scenario Outline: SSH disabled for the <level> refuses the login
    Given the test app is pushed
    And SSH is enabled for the app
    And a space developer of the scenario's space
    When SSH is disabled for the <level>
    Then the app reports SSH disabled with a reason naming the <level>
    And the user's SSH login to instance 0 is refused

    Examples:
      | level |
      | app   |
      | space |

  Scenario: A user without a developer role in the space cannot SSH into its apps
    Given the test app is pushed
    And SSH is enabled for the app
    And a space auditor of the scenario's space
    Then the user's SSH login to instance 0 is refused

  Scenario: A local port forward reaches the app inside the chosen instance
    Given the test app is pushed with 2 instances
    And SSH is enabled for the app
    And a space developer of the scenario's space
    When the user forwards a local port through instance 1 to the app's port in the container
    Then a request to the local port is answered by instance 1
