// Drives arm-sandbox with the official Azure SDK for JavaScript (identity + ARM clients), the way an
// independent client would: service-principal sign-in, subscriptions, providers, resource groups, an
// IoT hub and a DPS created through the SDKs' long-running-operation pollers, keys paged, the hub
// linked to the DPS, tags patched, everything deleted. Prints "N passed, M failed" and exits non-zero
// on any failure.
import { readFileSync } from "node:fs";
import { ClientSecretCredential } from "@azure/identity";
import { SubscriptionClient } from "@azure/arm-resources-subscriptions";
import { ResourceManagementClient } from "@azure/arm-resources";
import { IotHubClient } from "@azure/arm-iothub";
import { IotDpsClient } from "@azure/arm-deviceprovisioningservices";

const info = JSON.parse(readFileSync(process.argv[2], "utf8"));
const endpoint = info.armEndpoint.replace(/\/$/, "");
const sp = info.servicePrincipal;
const subscriptionId = info.subscriptions.find((s) => s.tenantId === sp.tenantId).subscriptionId;
const suffix = Math.random().toString(36).slice(2, 8);

const credential = new ClientSecretCredential(sp.tenantId, sp.clientId, sp.clientSecret, {
  authorityHost: info.authorityHost,
  disableInstanceDiscovery: true,
});
const clientOptions = {
  endpoint,
  credentialScopes: ["https://management.azure.com/.default"],
  updateIntervalInMs: 200,
};

const poll = { updateIntervalInMs: 200 };

let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.code ?? ""} ${e?.statusCode ?? ""} ${e?.message ?? e}`);
  }
}
function check(condition, message) {
  if (!condition) throw new Error(message);
}
async function all(iter) {
  const out = [];
  for await (const x of iter) out.push(x);
  return out;
}

const subs = new SubscriptionClient(credential, clientOptions);
const resources = new ResourceManagementClient(credential, subscriptionId, clientOptions);
const hubs = new IotHubClient(credential, subscriptionId, clientOptions);
const dpsClient = new IotDpsClient(credential, subscriptionId, clientOptions);
const rg = `sdk-rg-${suffix}`;
const hubName = `sdk-hub-${suffix}`;
const dpsName = `sdk-dps-${suffix}`;
const location = "westeurope";

await step("token via ClientSecretCredential", async () => {
  const t = await credential.getToken("https://management.azure.com/.default");
  check(t && t.token.split(".").length === 3, "not a JWT");
  check(t.expiresOnTimestamp > Date.now(), "already expired");
});
await step("subscriptions.list", async () => {
  const list = await all(subs.subscriptions.list());
  check(list.some((s) => s.subscriptionId === subscriptionId), "own subscription missing");
  check(list.every((s) => s.tenantId === sp.tenantId), "a subscription of another tenant is visible");
});
await step("subscriptions.get + listLocations", async () => {
  const s = await subs.subscriptions.get(subscriptionId);
  check(s.state === "Enabled", `state ${s.state}`);
  const locations = await all(subs.subscriptions.listLocations(subscriptionId));
  check(locations.some((l) => l.name === location && l.displayName === "West Europe"), "westeurope missing");
});
await step("tenants.list", async () => {
  const list = await all(subs.tenants.list());
  check(list.some((t) => t.tenantId === sp.tenantId), "own tenant missing");
});
await step("providers.get Microsoft.Devices", async () => {
  const p = await resources.providers.get("Microsoft.Devices");
  check(p.registrationState === "Registered", p.registrationState);
  check(p.resourceTypes.some((t) => t.resourceType === "ProvisioningServices"), "no ProvisioningServices type");
});
await step("resourceGroups.createOrUpdate + checkExistence", async () => {
  const g = await resources.resourceGroups.createOrUpdate(rg, { location });
  check(g.name === rg && g.properties.provisioningState === "Succeeded", JSON.stringify(g));
  const exists = await resources.resourceGroups.checkExistence(rg);
  check(exists.body === true, "checkExistence false");
  const missing = await resources.resourceGroups.checkExistence(`${rg}-missing`);
  check(missing.body === false, "checkExistence true for a missing group");
});
await step("iotHub checkNameAvailability", async () => {
  const r = await hubs.iotHubResource.checkNameAvailability({ name: hubName });
  check(r.nameAvailable === true, JSON.stringify(r));
});
let hub;
await step("iotHub beginCreateOrUpdateAndWait", async () => {
  hub = await hubs.iotHubResource.beginCreateOrUpdateAndWait(rg, hubName, {
    location,
    sku: { name: "S1", capacity: 1 },
    properties: { eventHubEndpoints: { events: { retentionTimeInDays: 1, partitionCount: 4 } } },
  });
  check(hub.properties.provisioningState === "Succeeded", hub.properties.provisioningState);
  check(hub.properties.hostName === `${hubName}.azure-devices.net`, hub.properties.hostName);
});
let ownerKey;
await step("iotHub listKeys (paged) + getKeysForKeyName", async () => {
  const keys = await all(hubs.iotHubResource.listKeys(rg, hubName));
  check(keys.some((k) => k.keyName === "iothubowner"), "no iothubowner");
  const k = await hubs.iotHubResource.getKeysForKeyName(rg, hubName, "iothubowner");
  ownerKey = k.primaryKey;
  check(Buffer.from(ownerKey, "base64").length >= 32, "key is not base64 of 32 bytes");
});
await step("iotHub listBySubscription + getValidSkus + quota", async () => {
  const list = await all(hubs.iotHubResource.listBySubscription());
  check(list.some((h) => h.name === hubName), "hub not listed");
  const skus = await all(hubs.iotHubResource.listValidSkus ? hubs.iotHubResource.listValidSkus(rg, hubName) : hubs.iotHubResource.getValidSkus(rg, hubName));
  check(skus.length > 0, "no skus");
  const quota = await all(hubs.resourceProviderCommon.getSubscriptionQuota ? [await hubs.resourceProviderCommon.getSubscriptionQuota()] : []);
  check(quota.length >= 0, "quota");
});
await step("dps checkProvisioningServiceNameAvailability", async () => {
  const r = await dpsClient.iotDpsResource.checkProvisioningServiceNameAvailability({ name: dpsName });
  check(r.nameAvailable === true, JSON.stringify(r));
});
let dps;
await step("dps beginCreateOrUpdateAndWait", async () => {
  // The DPS client (2026-08-31, TypeSpec-generated) returns PollerLike objects: awaiting one polls to the end.
  dps = await dpsClient.iotDpsResource.createOrUpdate(rg, dpsName, {
    location,
    sku: { name: "S1", capacity: 1 },
    properties: {},
  }, poll);
  check(dps.properties.provisioningState === "Succeeded", dps.properties.provisioningState);
  check(dps.properties.state === "Active", dps.properties.state);
  check(/^0ne[0-9A-F]{8}$/.test(dps.properties.idScope), dps.properties.idScope);
  check(dps.properties.deviceProvisioningHostName === "global.azure-devices-provisioning.net", "global endpoint");
});
await step("dps link hub (get, add, put)", async () => {
  const current = await dpsClient.iotDpsResource.get(rg, dpsName);
  current.properties.iotHubs = [
    {
      connectionString: `HostName=${hubName}.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${ownerKey}`,
      location,
      allocationWeight: 2,
      applyAllocationPolicy: true,
    },
  ];
  current.properties.allocationPolicy = "GeoLatency";
  const updated = await dpsClient.iotDpsResource.createOrUpdate(rg, dpsName, current, poll);
  check(updated.properties.allocationPolicy === "GeoLatency", updated.properties.allocationPolicy);
  const linked = updated.properties.iotHubs[0];
  check(linked.name === `${hubName}.azure-devices.net`, JSON.stringify(linked));
  check(linked.connectionString.endsWith("SharedAccessKey=****"), "key not masked");
});
await step("dps re-put of a GET body (masked key) is accepted", async () => {
  const current = await dpsClient.iotDpsResource.get(rg, dpsName);
  const again = await dpsClient.iotDpsResource.createOrUpdate(rg, dpsName, current, poll);
  check(again.properties.iotHubs.length === 1, "link lost");
});
await step("dps listKeys + listKeysForKeyName + listValidSkus", async () => {
  const keys = await all(dpsClient.iotDpsResource.listKeys(dpsName, rg));
  check(keys.some((k) => k.keyName === "provisioningserviceowner"), JSON.stringify(keys.map((k) => k.keyName)));
  const k = await dpsClient.iotDpsResource.listKeysForKeyName(dpsName, "provisioningserviceowner", rg);
  check(!!k.primaryKey, "no primary key");
  const skus = await all(dpsClient.iotDpsResource.listValidSkus(dpsName, rg));
  check(skus.some((s) => s.name === "S1"), "no S1");
});
await step("dps listByResourceGroup + listBySubscription", async () => {
  const byRg = await all(dpsClient.iotDpsResource.listByResourceGroup(rg));
  check(byRg.length === 1 && byRg[0].name === dpsName, "byRg");
  const bySub = await all(dpsClient.iotDpsResource.listBySubscription());
  check(bySub.some((d) => d.name === dpsName), "bySub");
});
await step("dps beginUpdateAndWait (tags)", async () => {
  const updated = await dpsClient.iotDpsResource.update(rg, dpsName, { tags: { env: "sdk" } }, poll);
  check(updated.tags.env === "sdk", JSON.stringify(updated.tags));
});
await step("error shape: get a missing DPS", async () => {
  try {
    await dpsClient.iotDpsResource.get(rg, `${dpsName}-missing`);
    throw new Error("no error");
  } catch (e) {
    check(e.statusCode === 404, `status ${e.statusCode}`);
  }
});
await step("dps beginDeleteAndWait", async () => {
  await dpsClient.iotDpsResource.delete(rg, dpsName, poll);
  const left = await all(dpsClient.iotDpsResource.listByResourceGroup(rg));
  check(left.length === 0, "still there");
});
await step("iotHub beginDeleteAndWait", async () => {
  await hubs.iotHubResource.beginDeleteAndWait(rg, hubName);
  const r = await hubs.iotHubResource.checkNameAvailability({ name: hubName });
  check(r.nameAvailable === true, "name not freed");
});
await step("resourceGroups.beginDeleteAndWait", async () => {
  await resources.resourceGroups.beginDeleteAndWait(rg);
  const exists = await resources.resourceGroups.checkExistence(rg);
  check(exists.body === false, "group still exists");
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
