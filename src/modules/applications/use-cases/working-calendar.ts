// The calendar in force is the calendar area's (one calendar for every rule, issue 9).
export { calendarInForce as calendarFor } from '../../calendar/index.ts';
