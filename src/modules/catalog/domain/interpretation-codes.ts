/** Stable error codes of policy interpretation (docs/errors.md, the catalog's table). */
export const InterpretationErrorCode = {
  /** A named policy does not exist, is not published (and not the person's own draft), is an interpretation or belongs to an unrelated organ. */
  policyLink: 'ERR_CATALOG_POLICY_LINK_INVALID',
  /** Publishing an interpretation that lacks its policy, its text, its picture or its video link. */
  incomplete: 'ERR_CATALOG_INTERPRETATION_INCOMPLETE',
  /** The chosen 图解 picture is not an image attachment of the item. */
  graphic: 'ERR_CATALOG_INTERPRETATION_GRAPHIC_INVALID',
} as const;
