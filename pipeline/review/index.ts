/**
 * The targets review, for any publication that needs it (the review of last year's targets, the
 * comparison of issuers' targets for a year, the series of one issuer): pure functions over report
 * models.
 *
 *   pairReports(reports)                 later slug → the same issuer's report of the year before
 *   targetsOf(model)                     { targets: [{ indicator, upper?, main }], setAside: [{ indicator, reason }] }
 *   reviewTargets(earlier, later)        rows { name, main, section, target, upper?, result, status, rule, debatable }
 *   resultFor(target, resultsOf(later, year))   the later report's figure for one target, or null
 *   judge(name, target, result, upper?)  { status: met | not met | no result, rule, debatable }
 */
export { pairReports, sameIdentityGroups, type ReportIdentityOf } from './pair-reports.js';
export { targetsOf, notTargetReason, planStart, mainTargetSpans, MAIN_TARGETS, type Target, type NotTargetReason } from './targets.js';
export { resultsOf, wordResultsOf, isSeveralYears, type Result, type WordResult } from './results.js';
export { reviewTargets, reviewTarget, resultFor, wordResultFor, type ReviewItem, type ReviewFigure } from './match-targets.js';
export { thingKey, nameLikeness, displayName, fullName } from './thing-names.js';
export { judge, type Judgement, type Figure, type WordsFigure, type Status } from './judge.js';
export { writtenFigure, figureAt } from './written-figure.js';
export { targetsReview, targetsReviewJson, reviewTemplateView, countLine, chartedItems, type TargetsReview } from './review-view.js';
