# Vigil: make run (all suites against the embedded CF) and make test are the whole set-up.
# CONFIG=FILE points smoke/acceptance/availability at a real CF; without it they use the embedded CF.

MVN    ?= mvn -B
# Debian's Maven 3.8 writes colour resets (ESC[0m) even in batch mode, which a log shows as raw escape codes;
# make strips them (pipefail keeps Maven's exit status).
SHELL  := /bin/bash
.SHELLFLAGS := -o pipefail -c
PLAIN  := sed -u 's/\x1b\[[0-9;]*m//g'
JAVA   ?= java
# C1 only: a run lasts minutes, too short for C2's compilations to pay back; this halves the harness's own CPU
# time (acceptance suite on the embedded CF: 41 s -> 19 s), which is what limits --parallel on small machines.
JAVA_FLAGS ?= -XX:TieredStopAtLevel=1
JAR    := target/vigil.jar
CONFIG ?=
TARGET := $(if $(CONFIG),--config $(CONFIG),--sim)
SOURCES := pom.xml $(shell find src/main features -type f 2>/dev/null)

PREFIX ?= /usr/local

.PHONY: build run test smoke acceptance availability sim clean install uninstall

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q package -DskipTests 2>&1 | $(PLAIN)

## all suites, in parallel, against the embedded CF
run: $(JAR)
	$(JAVA) $(JAVA_FLAGS) -jar $(JAR) run --sim

## unit and integration tests (drives the real CLI against the embedded CF)
test:
	$(MVN) verify 2>&1 | $(PLAIN)

smoke: $(JAR)
	$(JAVA) $(JAVA_FLAGS) -jar $(JAR) run $(TARGET) --suites smoke

acceptance: $(JAR)
	$(JAVA) $(JAVA_FLAGS) -jar $(JAR) run $(TARGET) --suites acceptance

availability: $(JAR)
	$(JAVA) $(JAVA_FLAGS) -jar $(JAR) run $(TARGET) --suites availability

## the embedded CF on its own, until Ctrl-C; writes sim.yml for 'vigil run --config sim.yml'
## (without JAVA_FLAGS: a sim serves for as long as it is kept, long enough for C2 to pay back)
sim: $(JAR)
	$(JAVA) -jar $(JAR) sim --write-config sim.yml

## vigil on PATH: PREFIX/bin/vigil (the launcher) and PREFIX/lib/vigil/vigil.jar; DESTDIR for packagers
install: $(JAR)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/vigil
	install -m 644 $(JAR) $(DESTDIR)$(PREFIX)/lib/vigil/vigil.jar
	install -m 755 bin/vigil $(DESTDIR)$(PREFIX)/bin/vigil

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/vigil $(DESTDIR)$(PREFIX)/lib/vigil/vigil.jar
	-rmdir $(DESTDIR)$(PREFIX)/lib/vigil

clean:
	$(MVN) -q clean
	find reports -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -f sim.yml
