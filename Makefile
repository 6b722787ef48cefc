# Vigil: make run (all suites against the embedded CF) and make test are the whole set-up.
# CONFIG=FILE points smoke/acceptance/availability at a real CF; without it they use the embedded CF.

MVN    ?= mvn -B
JAVA   ?= java
JAR    := target/vigil.jar
CONFIG ?=
TARGET := $(if $(CONFIG),--config $(CONFIG),--sim)
SOURCES := pom.xml $(shell find src/main features -type f 2>/dev/null)

.PHONY: build run test smoke acceptance availability sim clean

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q package -DskipTests

## all suites, in parallel, against the embedded CF
run: $(JAR)
	$(JAVA) -jar $(JAR) run --sim

## unit and integration tests (drives the real CLI against the embedded CF)
test:
	$(MVN) verify

smoke: $(JAR)
	$(JAVA) -jar $(JAR) run $(TARGET) --suites smoke

acceptance: $(JAR)
	$(JAVA) -jar $(JAR) run $(TARGET) --suites acceptance

availability: $(JAR)
	$(JAVA) -jar $(JAR) run $(TARGET) --suites availability

## the embedded CF on its own, until Ctrl-C; writes sim.yml for 'vigil run --config sim.yml'
sim: $(JAR)
	$(JAVA) -jar $(JAR) sim --write-config sim.yml

clean:
	$(MVN) -q clean
	find reports -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -f sim.yml
