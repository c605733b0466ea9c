import { parseValue, valueFromAST, GraphQLInputObjectType, GraphQLList, GraphQLString, GraphQLNonNull } from 'graphql';
import { describe, expect, it } from 'vitest';
import { plainArgs } from './plain-args.js';

const Inner = new GraphQLInputObjectType({ name: 'Inner', fields: { b: { type: GraphQLString } } });
const Input = new GraphQLInputObjectType({
  name: 'Input',
  fields: { a: { type: GraphQLString }, inner: { type: Inner }, lijst: { type: new GraphQLList(new GraphQLNonNull(Inner)) } },
});

describe('plainArgs', () => {
  it('turns the null-prototype objects graphql-js builds from an inline literal into ordinary ones, all the way down', () => {
    const literal = valueFromAST(parseValue('{ a: "x", inner: { b: "y" }, lijst: [{ b: "z" }] }'), Input) as Record<string, any>;
    expect(Object.getPrototypeOf(literal)).toBeNull();
    const plain = plainArgs({ input: literal });
    expect(Object.getPrototypeOf(plain.input)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(plain.input.inner)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(plain.input.lijst[0])).toBe(Object.prototype);
    expect(plain).toEqual({ input: { a: 'x', inner: { b: 'y' }, lijst: [{ b: 'z' }] } });
  });

  it('leaves scalars, dates and other class instances as they are', () => {
    const d = new Date();
    const value = plainArgs({ d, n: 1, s: 't', none: null });
    expect(value.d).toBe(d);
    expect(value).toEqual({ d, n: 1, s: 't', none: null });
  });
});
