import { en } from '../en.js';

/** English strings only `<daylight-dashboard>` reads; importing this module adds them to `en`. */
export const dashboardMessages = {
  dashboardContents: 'On this page',
  dashboardWhere: 'Where gun violence and trauma concentrate',
  dashboardWhereQuestion: 'Where is gun violence and trauma concentrated, and is it changing?',
  dashboardCoresponse: 'Co-response and second responders',
  dashboardCoresponseQuestion: 'Do police respond together with social workers and health workers, and do second responders follow up?',
  dashboardResponse: 'How we responded',
  dashboardResponseQuestion: 'How fast did responders arrive, how long did they stay, who were people referred to, and did anyone follow up?',
  dashboardVictims: 'Past victims',
  dashboardVictimsQuestion: 'What was done for people who were hurt before: were they reached, and connected to help?',
  dashboardMethodology: 'How these numbers are made',
};

Object.assign(en, dashboardMessages);
