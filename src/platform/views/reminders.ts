/** A line in the 待办 and 工作台 reminders: what waits, with a count, and where to deal with it. Areas contribute them (wired in src/main). */
export type Reminder = { message: string; href: string };
