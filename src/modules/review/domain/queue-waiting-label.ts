/**
 * What an item of the review queue waits for, as 待办's 当前环节 column says it and the supervision dashboard repeats
 * it: in review, the stage's name; approved, 待发布; published by 紧急发布, 紧急发布，待补充审核; else (a time set) 定时发布.
 */
export function queueWaitingLabel(status: string, stageName: string | null): string {
  return status === 'in_review' ? stageName ?? '' : status === 'approved' ? '待发布' : status === 'published' ? '紧急发布，待补充审核' : '定时发布';
}
