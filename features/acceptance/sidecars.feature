@acceptance @sidecars
Feature: Sidecars run inside every instance of their process, with its environment, and live and die with it

  Scenario: A sidecar runs in each instance beside the app and comes back when the instance restarts
    Given the test app is pushed
    When a sidecar "heartbeat" is added to the web process and the app restarts
    Then the web process lists the sidecar "heartbeat"
    And instance 0 reads what sidecar "heartbeat" wrote in it, naming the instance's GUID
    When instance 0 of the app crashes
    Then instance 0 runs again with a new instance GUID
    And instance 0 reads what sidecar "heartbeat" wrote in it, naming the instance's GUID

  @sidecar-exit
  Scenario: A sidecar that exits takes its instance down, and CF restarts both
    Given the test app is pushed
    When a sidecar "heartbeat" is added to the web process and the app restarts
    And instance 0 reads what sidecar "heartbeat" wrote in it, naming the instance's GUID
    When sidecar "heartbeat" of instance 0 exits
    Then instance 0 runs again with a new instance GUID
    And instance 0 reads what sidecar "heartbeat" wrote in it, naming the instance's GUID
