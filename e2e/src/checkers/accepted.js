// Shared head of every checker's run (an async WebDriver script): arguments[0] lists the
// findings accepted as false positives, each a rule id and the selector of the one element it
// is accepted on; the callback is the last argument. Each run calls `done` with
// { ran: rules that ran and passed or reported, violations: ['rule: message at element'] }.
const acceptedFindings = arguments[0];
const done = arguments[arguments.length - 1];
const isAccepted = (rule, element) =>
  element instanceof Element &&
  acceptedFindings.some((accepted) => accepted.rule === rule && element.matches(accepted.selector));
const describe = (element) =>
  element instanceof Element
    ? element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') +
      [...element.classList].map((name) => `.${name}`).join('')
    : String(element);
