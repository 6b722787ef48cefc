@acceptance @tasks
Feature: Tasks run one-off commands in the app's container

  Background:
    Given the test app is pushed

  Scenario: A task that exits 0 succeeds and its output shows in the app's logs
    When a task prints a unique line with the app's environment
    Then the task SUCCEEDS
    And the app's recent logs show the task's line with the app's own GUID

  @exit-status
  Scenario: A failing command ends the task FAILED with the reason
    When a task runs "echo about to fail; exit 3"
    Then the task FAILS with a reason mentioning "3"

  Scenario: A running task can be cancelled
    When a task runs "sleep 300"
    And the task is RUNNING and is cancelled
    Then the task ends FAILED as cancelled
