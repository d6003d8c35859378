// axe-core: WCAG 2.0-2.2 A and AA and best practice.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
axe.run(document, { runOnly: { type: 'tag', values: tags } })
  .then((result) => done({
    ran: result.passes.length,
    violations: result.violations.flatMap((violation) => violation.nodes
      .filter((node) => !isAccepted(violation.id, document.querySelector(node.target[0])))
      .map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}`)),
  }))
  .catch((error) => done({ ran: 0, violations: [`axe failed: ${error}`] }));
