// IBM's Equal Access checker (accessibility-checker-engine's ace-window.js, which names its
// engine `ace_ibma`) with its default policy, as the accessibility-checker package and the
// browser extension run it. A violation is a result valued ['VIOLATION', 'FAIL'].
const at = (xpath) =>
  document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
new ace_ibma.Checker().check(document, ['IBM_Accessibility'])
  .then((report) => {
    const results = report.results;
    const failed = results.filter(({ value, ruleId, path }) =>
      value[0] === 'VIOLATION' && value[1] === 'FAIL' && !isAccepted(ruleId, at(path.dom)));
    done({
      ran: new Set(results.filter(({ value }) => value[1] === 'PASS').map(({ ruleId }) => ruleId)).size,
      violations: failed.map(({ ruleId, message, path }) => `${ruleId}: ${message} at ${describe(at(path.dom))} (${path.dom})`),
    });
  })
  .catch((error) => done({ ran: 0, violations: [`IBM's checker failed: ${error}`] }));
