/** A small blueprint used by several renderer tests: two stages, two personas, a typo. */
export const PERMIT = `---
blueprint: Apply for a permit
---
# Apply for a permit

## Personas

### Maria
- heard: 2024-01-10, interview

### Ahmed
- heard: 2024-01-11, interview

## Stories

### Needs a permit
- persona: @maria
- heard: 2024-01-10

## Journey

### Stage: Discover

#### Step: Reads the website
- persona: @maria
- story: #needs-a-permit
- customer: reads **the page**
- frontstage: [web page](https://example.org/permit)
- emotion: @maria -1; @ahmed 1

#### Step: Calls the office
- persona: @ahmed
- customer: calls
- backstage: looks up the case
- frontstge: a typo

### Stage: Apply

#### Step: Fills in the form
- customer: fills in the form
- support: case system
- emotion: 2
`;
