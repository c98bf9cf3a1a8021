// The best peer, measured side by side with bench_setup: the same full setup (new resource group, DPS
// with the policy GeoLatency, IoT hub S1, link) with the official Azure SDKs for JavaScript against the
// same arm-sandbox, in two ways:
//   sequential  each call awaited before the next, as the SDKs' samples do (policy set after the link);
//   best        the DPS and the hub created side by side, then one DPS update with the link and the
//               policy: the fewest LROs, as fast as the SDKs can go.
// With --cross SUBSCRIPTION the hub goes into that subscription, where Microsoft.Devices is registered
// first (best: the registration beside the DPS's creation). The SDKs' pollers use their defaults
// (they honour the server's Retry-After). Prints one line per run: "<mode> <seconds>".
//
//   node sdk-setup.mjs INFO_FILE sequential|best [--cross SUBSCRIPTION]
import { readFileSync } from "node:fs";
import { ClientSecretCredential } from "@azure/identity";
import { ResourceManagementClient } from "@azure/arm-resources";
import { IotHubClient } from "@azure/arm-iothub";
import { IotDpsClient } from "@azure/arm-deviceprovisioningservices";

const info = JSON.parse(readFileSync(process.argv[2], "utf8"));
const mode = process.argv[3];
const crossAt = process.argv.indexOf("--cross");
const endpoint = info.armEndpoint.replace(/\/$/, "");
const sp = info.servicePrincipal;
const subscriptionId = info.subscriptions.find((s) => s.tenantId === sp.tenantId && s.devicesRegistered).subscriptionId;
const hubSubscriptionId = crossAt > 0 ? process.argv[crossAt + 1] : subscriptionId;
const suffix = Math.random().toString(36).slice(2, 8);
const credential = new ClientSecretCredential(sp.tenantId, sp.clientId, sp.clientSecret, {
  authorityHost: info.authorityHost,
  disableInstanceDiscovery: true,
});
const options = { endpoint, credentialScopes: ["https://management.azure.com/.default"] };
const resources = new ResourceManagementClient(credential, subscriptionId, options);
const hubResources = new ResourceManagementClient(credential, hubSubscriptionId, options);
const hubs = new IotHubClient(credential, hubSubscriptionId, options);
const dpsClient = new IotDpsClient(credential, subscriptionId, options);
const location = "westeurope";
const rg = `sdk-rg-${mode}-${suffix}`;
const hubRg = hubSubscriptionId === subscriptionId ? rg : `sdk-hub-rg-${mode}-${suffix}`;
const dpsName = `sdk-dps-${mode}-${suffix}`;
const hubName = `sdk-hub-${mode}-${suffix}`;

await credential.getToken("https://management.azure.com/.default"); // as dps-setup, signed in before the clock starts

async function register() {
  if (hubSubscriptionId === subscriptionId) return;
  await hubResources.providers.register("Microsoft.Devices");
  for (;;) {
    const p = await hubResources.providers.get("Microsoft.Devices");
    if (p.registrationState === "Registered") return;
    await new Promise((r) => setTimeout(r, 250));
  }
}
const createGroups = async () => {
  await resources.resourceGroups.createOrUpdate(rg, { location });
  if (hubRg !== rg) await hubResources.resourceGroups.createOrUpdate(hubRg, { location });
};
const createDps = (policy) =>
  dpsClient.iotDpsResource.createOrUpdate(rg, dpsName, {
    location,
    sku: { name: "S1", capacity: 1 },
    properties: policy ? { allocationPolicy: policy } : {},
  });
const createHub = () =>
  hubs.iotHubResource.beginCreateOrUpdateAndWait(hubRg, hubName, {
    location,
    sku: { name: "S1", capacity: 1 },
    properties: { eventHubEndpoints: { events: { retentionTimeInDays: 1, partitionCount: 4 } } },
  });
async function linkAndPolicy(dps, hub, policy) {
  const key = await hubs.iotHubResource.getKeysForKeyName(hubRg, hubName, "iothubowner");
  const connectionString = `HostName=${hub.properties.hostName};SharedAccessKeyName=iothubowner;SharedAccessKey=${key.primaryKey}`;
  const properties = { ...dps.properties, iotHubs: [...(dps.properties.iotHubs ?? []), { connectionString, location, allocationWeight: 1, applyAllocationPolicy: true }] };
  if (policy) properties.allocationPolicy = policy;
  return dpsClient.iotDpsResource.createOrUpdate(rg, dpsName, { location, sku: dps.sku, properties, etag: dps.etag });
}

const started = process.hrtime.bigint();
if (mode === "sequential") {
  await register();
  await createGroups();
  const dps = await createDps();
  const hub = await createHub();
  const linked = await linkAndPolicy(dps, hub);
  await dpsClient.iotDpsResource.createOrUpdate(rg, dpsName, {
    location,
    sku: linked.sku,
    properties: { ...linked.properties, allocationPolicy: "GeoLatency" },
    etag: linked.etag,
  });
} else {
  await createGroups();
  const [dps, hub] = await Promise.all([createDps("GeoLatency"), register().then(createHub)]);
  await linkAndPolicy(dps, hub);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const dps = await dpsClient.iotDpsResource.get(rg, dpsName);
if (dps.properties.allocationPolicy !== "GeoLatency" || (dps.properties.iotHubs ?? []).length !== 1) {
  console.log(`${mode} FAILED: policy ${dps.properties.allocationPolicy}, ${(dps.properties.iotHubs ?? []).length} linked hubs`);
  process.exit(1);
}
console.log(`${mode} ${seconds.toFixed(3)}`);
