import { describe, expect, it } from "@jest/globals";
import { sameTargetUri } from "./sameTargetUri";

const REQUEST = "https://hub.example/graphql";

describe("sameTargetUri", () => {
  it.each([
    ["the same URL", REQUEST],
    ["upper-case scheme and host", "HTTPS://HUB.EXAMPLE/graphql"],
    ["the default port spelled out", "https://hub.example:443/graphql"],
    ["a query", "https://hub.example/graphql?operation=Traveller"],
    ["a fragment", "https://hub.example/graphql#top"],
    ["dot segments", "https://hub.example/v1/../graphql"],
    ["an encoded unreserved character", "https://hub.example/%67raphql"],
  ])("matches %s", (_name, htu) => {
    expect(sameTargetUri(htu, REQUEST)).toBe(true);
  });

  it.each([
    ["another host", "https://hub.example.org/graphql"],
    ["another port", "https://hub.example:8443/graphql"],
    ["another scheme", "http://hub.example/graphql"],
    ["another path", "https://hub.example/graphql/"],
    ["a path of another case", "https://hub.example/GraphQL"],
    ["user information", "https://officer@hub.example/graphql"],
    ["a relative reference", "/graphql"],
    ["another URL scheme", "wss://hub.example/graphql"],
    ["no URL at all", "not a url"],
  ])("does not match %s", (_name, htu) => {
    expect(sameTargetUri(htu, REQUEST)).toBe(false);
  });

  it("compares percent-encodings by value, not by the case of their hex digits", () => {
    expect(sameTargetUri("https://hub.example/a%2fb", "https://hub.example/a%2Fb")).toBe(true);
    expect(sameTargetUri("https://hub.example/a%2Fb", "https://hub.example/a/b")).toBe(false);
  });

  it("ignores the request URL's own query", () => {
    expect(sameTargetUri(REQUEST, `${REQUEST}?x=1`)).toBe(true);
  });
});
