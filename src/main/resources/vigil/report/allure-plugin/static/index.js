'use strict';
// Vigil's additions to the Allure report page (see vigil.report.AllureBehaviors).

// The Behaviors tab: data/behaviors.json, the results by epic (suite), feature and story (scenario).
allure.api.addTab('behaviors', {
    title: 'tab.behaviors.name',
    icon: 'fa fa-list',
    route: 'behaviors(/)(:testGroup)(/)(:testResult)(/)(:testResultTab)(/)',
    onEnter: function (testGroup, testResult, testResultTab) {
        return new allure.components.TreeLayout({
            testGroup: testGroup,
            testResult: testResult,
            testResultTab: testResultTab,
            tabName: 'tab.behaviors.name',
            baseUrl: 'behaviors',
            url: 'data/behaviors.json'
        });
    }
});

// The overview's widget: widgets/behaviors.json, pass/fail counts per epic.
allure.api.addWidget('widgets', 'behaviors', allure.components.WidgetStatusView.extend({
    rowTag: 'a',
    title: 'widget.behaviors.name',
    baseUrl: 'behaviors',
    showLinks: true
}));

// Trend charts need the history of earlier runs; an empty one says how to carry it over.
allure.api.addTranslation('en', {
    tab: {behaviors: {name: 'Behaviors'}},
    widget: {behaviors: {name: 'Behaviors by suite', showAll: 'show all'}},
    chart: {
        trend: {
            empty: 'No trend yet: run Vigil with --history DIR, the same DIR every run, and the trend of the runs'
                + ' before shows here'
        }
    }
});
