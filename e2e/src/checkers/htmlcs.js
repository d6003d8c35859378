// HTML_CodeSniffer's WCAG2AA standard, as pa11y runs it: its errors are the violations (pa11y's
// default level); warnings and notices ask for a person's judgement.
HTMLCS.process('WCAG2AA', document, () => {
  const messages = HTMLCS.getMessages();
  const errors = messages.filter(({ type, code, element }) =>
    type === HTMLCS.ERROR && !isAccepted(code, element));
  done({
    ran: new Set(messages.map(({ code }) => code)).size,
    violations: errors.map(({ code, msg, element }) => `${code}: ${msg} at ${describe(element)}`),
  });
}, (error) => done({ ran: 0, violations: [`HTML_CodeSniffer failed: ${error}`] }), 'en');
