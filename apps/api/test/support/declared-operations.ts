import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_METADATA, type AccessDeclaration } from '@parley/api/core';

export interface DeclaredOperation {
  /** e.g. `Mutation.publishDraft` or `GET /public/practices/:slug/policy`. */
  name: string;
  access: AccessDeclaration | undefined;
}

// Metadata keys written by @nestjs/graphql and @nestjs/common decorators.
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const PATH = 'path';
const METHOD = 'method';
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'];

/** Every GraphQL operation and HTTP route of the running app, with what it declares. */
export function declaredOperations(app: INestApplication): DeclaredOperation[] {
  const found = new Map<string, DeclaredOperation>();
  for (const module of app.get(ModulesContainer).values()) {
    const wrappers = [...module.providers.values(), ...module.controllers.values()];
    for (const wrapper of wrappers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const cls = instance.constructor;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const classPath = Reflect.getMetadata(PATH, cls) as string | undefined;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        const handler = descriptor?.value as unknown;
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const access = (Reflect.getMetadata(ACCESS_METADATA, handler) ??
          Reflect.getMetadata(ACCESS_METADATA, cls)) as AccessDeclaration | undefined;
        const resolverType = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
        if (resolverType && ['Query', 'Mutation', 'Subscription'].includes(resolverType)) {
          const field = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? key;
          found.set(`${resolverType}.${field}`, { name: `${resolverType}.${field}`, access });
          continue;
        }
        const routePath = Reflect.getMetadata(PATH, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD, handler) as number | undefined;
        if (classPath !== undefined && routePath !== undefined && method !== undefined) {
          const path = `/${[classPath, routePath]
            .map((p) => p.replace(/^\/|\/$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          const name = `${HTTP_METHODS[method] ?? method} ${path}`;
          found.set(name, { name, access });
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
