/** A base and a head version whose differences include every change kind. */
export const BASE = `---
blueprint: Apply for the benefit
lang: en
---

# Apply for the benefit

## Personas

### Maria
- vulnerable: yes
- heard: 2024-03-12, interview at home

### Ahmed
- heard: 2024-04-16, interview

### Kees
- heard: 2024-04-17, interview

## Stories

### Letters are hard
- persona: @maria
- heard: 2024-04-02, call

### Waiting is long
- persona: @kees
- heard: 2024-04-03, call

## Journey

### Stage: Find out
- persona: @ahmed

#### Step: Reads the web page
- persona: @maria
- customer: reads the web page about the benefit
- channel: web
- emotion: -2

#### Step: Calls the office
- persona: @maria, @kees
- story: #letters-are-hard
- customer: phones the contact centre with questions
- channel: phone

### Stage: Apply

#### Step: Fills in the form
- persona: @maria
- customer: fills in the online form together with his son
- channel: web
- emotion: -1

#### Step: Sends the papers
- persona: @ahmed
- customer: posts the papers to the municipality
- chanel: post

### Stage: Wait
- persona: @kees

#### Step: Waits for the letter
- story: #waiting-is-long
- customer: waits for the decision letter for weeks
`;

export const HEAD = `---
blueprint: Apply for the benefit
lang: en
---

# Apply for the benefit

## Personas

### Maria
- vulnerable: yes
- heard: 2024-03-12, interview at home

### Ahmed
- heard: 2024-04-16, interview

### Sanne
- heard: 2024-05-21, interview at the library

## Stories

### Letters are hard
- persona: @maria
- heard: 2024-04-02, call

### Decision is clear
- persona: @sanne
- heard: 2024-05-22, call

## Journey

### Stage: Find out
- persona: @ahmed

#### Step: Reads the web page
- customer: reads the web page about the benefit
- channel: web
- emotion: 1

#### Step: Calls the office
- persona: @ahmed
- customer: phones the contact centre with questions
- channel: phone, chat

#### Step: Sends the papers
- persona: @ahmed
- customer: posts the papers to the municipality

### Stage: Apply

#### Step: Completes the online form
- persona: @maria
- story: #letters-are-hard
- customer: fills in the online form together with his son
- channel: web
- emotion: -2

#### Step: Asks for help
- persona: @kees
- customer: asks the desk for help

### Stage: Decide

#### Step: Receives the decision
- persona: @maria, @sanne
- story: #decision-is-clear
- customer: reads the decision letter
`;
