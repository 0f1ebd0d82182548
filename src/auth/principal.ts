// Who is asking: the authenticated user as the permission check sees it.

export interface Principal {
  readonly _id: string;
  readonly username: string;
  readonly roles: ReadonlyArray<string>;
}
