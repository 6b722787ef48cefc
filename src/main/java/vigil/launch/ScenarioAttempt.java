package vigil.launch;

import vigil.report.ScenarioResult;

/**
 * One run of one scenario.
 *
 * @param uniqueId the JUnit Platform unique id of the scenario (feature URI and line), which selects it again
 */
record ScenarioAttempt(String uniqueId, ScenarioResult result) {
}
