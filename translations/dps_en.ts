<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Dps::Application</name>
    <message>
        <location filename="../app/Application.cpp" line="+306"/>
        <source>DPS Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sets up an Azure IoT Hub Device Provisioning Service without the Azure portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Use this language for the user interface instead of the system&apos;s language, for example %1.</source>
        <extracomment>%1 is a language code.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the app without an Azure account: start a local sandbox with demo subscriptions and sign in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a running arm-sandbox, described by its info file, instead of Azure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot read the sandbox info file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Arm::ArmError</name>
    <message>
        <location filename="../app/core/arm/ArmError.cpp" line="+285"/>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft.Devices is still registering in subscription %1. Registration can take a while; try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure did not answer in time. Check your network connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signing in failed (%1). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure sent an answer the app did not expect (%1). Try again; if it keeps happening, copy the details and report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The secure (TLS) connection to Azure failed: %1. Check the computer&apos;s date and time and any proxy that inspects traffic; the app never ignores certificate errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Azure could not be reached: the server name was not found (%1). Check your internet connection, DNS and proxy settings, and the cloud you selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to Azure was refused (%1). Check the endpoint of the cloud you selected and your proxy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to Azure failed: %1. Check your network connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This subscription belongs to another directory (tenant %1). Sign in to that tenant, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This subscription belongs to another directory (tenant). Sign in to the subscription&apos;s tenant, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Azure did not accept your sign-in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You don&apos;t have permission to perform &quot;%1&quot; on &quot;%2&quot;. Ask an owner of the subscription or resource group for a role that allows it (for example Contributor), then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You don&apos;t have permission for this operation. Ask an owner of the subscription for a role that allows it (for example Contributor), then sign in again. Azure said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>You don&apos;t have permission to perform &quot;%1&quot; on &quot;%2&quot;, which this request refers to. Ask for access to that resource, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You don&apos;t have permission on another resource that this request refers to. Ask for access to it, then try again. Azure said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An Azure Policy of your organization forbids this request: %1 Choose values the policy allows (for example another region), or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not registered in subscription %2; register it (in the app with Register Microsoft.Devices, on the command line with --register-provider), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not registered in this subscription; register it (in the app with Register Microsoft.Devices, on the command line with --register-provider), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Subscription %1 was not found, or your account cannot see it. Check the subscription ID and that you signed in to the right directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Subscription %1 is disabled and read-only. Re-enable it in the Azure portal (for example by settling billing), or choose another subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Azure is throttling requests; waiting %1 s before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Azure is throttling requests; wait a little, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The name &quot;%1&quot; is already taken. DPS and IoT hub names are global across Azure; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The subscription already has a free (F1) IoT hub, and only one is allowed per subscription. Choose a paid tier such as S1 or B1, or delete the existing free hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The subscription has reached its limit of IoT hubs. Delete a hub you no longer need, or use another subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The resource group &quot;%1&quot; does not exist. Create it first, or choose an existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; was not found. It may have been deleted, or it is in another resource group or subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The resource was not found. It may have been deleted, or it is in another resource group or subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The shared access policy %1 does not exist. Choose an existing policy, such as iothubowner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure no longer knows the operation the app was following. Reload the resource to see its current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This Azure environment does not support the API version or resource type the app uses (%1). Check that you chose the right cloud, or update the app. Azure said: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The chosen region is not available for this kind of resource. Choose another region. Azure said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another change to this resource is still running. Wait until it finishes, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resource group &quot;%1&quot; is being deleted. Wait until the deletion finishes, or choose another resource group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The resource group already exists in another region: %1 Choose that region or another resource group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resource was changed by someone else since the app read it. Reload it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The IoT hub&apos;s connection string is not valid. Choose the hub and its access policy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provisioning service could not reach the IoT hub. Check that the hub exists and that its host name is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The IoT hub rejected the access key (unauthorized). The key may have been regenerated: choose the access policy again so the app uses its current key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The access policy lacks the rights to link the hub. Choose a policy with RegistryWrite and ServiceConnect (iothubowner has both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The linked IoT hub&apos;s region is missing or not valid. Choose the hub again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This IoT hub is already linked to the provisioning service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request tried to change a read-only property: %1 Reload the resource, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The IoT hub is not active yet. Wait until its creation has finished, then link it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The allocation weight must be a whole number from 0 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pricing tier is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of units is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The allocation policy is not valid. Choose Hashed (evenly weighted), GeoLatency (lowest latency) or Static.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The region of an existing resource cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name is not valid: %1 Use 3-50 letters, digits and hyphens, starting with a letter or digit and ending with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Azure rejected the request as invalid: %1 Correct the value, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Azure had a temporary problem (%1). Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure reported an error (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Arm::Cloud</name>
    <message>
        <location filename="../app/core/arm/Cloud.cpp" line="+18"/>
        <source>The %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 &quot;%2&quot; is not a valid absolute URL, such as https://management.azure.com/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 &quot;%2&quot; must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 &quot;%2&quot; uses plain http. Use https: only the local sandbox (127.0.0.1, ::1 or localhost) may use http.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 &quot;%2&quot; must not contain a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Azure Resource Manager endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sign-in authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The local sandbox&apos;s endpoint &quot;%1&quot; is not on this computer: a sandbox may only use 127.0.0.1, ::1 or localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The token scope for Azure Resource Manager is missing (for example https://management.azure.com/.default).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Cli</name>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="+558"/>
        <location line="+9"/>
        <location line="+1"/>
        <location line="+214"/>
        <location line="+62"/>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-393"/>
        <location line="+499"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-470"/>
        <source>Subscription %1 belongs to tenant %2: using that tenant&apos;s token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing to do: everything is already as asked. The setup would change nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changes to existing resources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unchanged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ARM calls, in order (steps that don&apos;t wait for each other run in parallel; writes marked *):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Creates (or completes) a DPS linked to an IoT hub: resource group, DPS and hub in parallel, link, allocation policy. Re-running finishes an interrupted setup and changes nothing that is already done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+224"/>
        <source>Subscription of the DPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Resource group of the DPS (created if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+209"/>
        <location line="+1"/>
        <location line="+61"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-285"/>
        <source>The resource group must exist already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region of new resources, e.g. westeurope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Name of the DPS (created if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DPS must exist already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units of a new DPS (1-10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Name of the IoT hub (created if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IoT hub must exist already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription of the hub, if not the DPS&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant of the hub&apos;s subscription, if not the DPS&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource group of the hub, if not the DPS&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region of a new hub, if not --location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier of a new hub: F1, B1, B2, B3, S1, S2, S3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sku</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units of a new hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device-to-cloud partitions of a new hub (2-128; F1: 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub policy the DPS uses (RegistryWrite + ServiceConnect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the --access-policy on the hub with only RegistryWrite and ServiceConnect if it is missing (least privilege).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allocation policy: hashed (evenly weighted), geolatency (lowest latency) or static. Without it a new DPS gets hashed and an existing DPS keeps its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation weight of the hub (1-1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t apply the allocation policy to this hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only read what exists and print the plan: what is created, what changes (before -&gt; after), the ARM calls. Changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register Microsoft.Devices where it is missing (the DPS&apos;s and the hub&apos;s subscription), as a step of the setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Missing: %1. See dps-setup setup --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>--dps-units, --hub-units, --partitions and --weight take whole numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to do: everything is already as asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Done. The DPS &apos;%1&apos; is linked to the IoT hub &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>ID scope:                %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+112"/>
        <source>Service endpoint:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+112"/>
        <source>Global device endpoint:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-111"/>
        <source>IoT hub host name:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+111"/>
        <source>Allocation policy:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Nothing that succeeded is undone; run the same command again to finish the setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling: no new steps start; operations already running in Azure finish there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Prints a DPS&apos;s ID scope, service endpoint and global device endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource group of the DPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the DPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>show needs --subscription, --resource-group and --dps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>DPS:                     %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Linked IoT hub:          %1 (%2, weight %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lists the DPS and IoT hubs of a subscription (or of every subscription you can see).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only this subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this resource group (needs --subscription).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--resource-group needs --subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>TYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RESOURCE GROUP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LOCATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DETAILS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID scope %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Subscription %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Tenant %1 (%2) is left out: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Usage: dps-setup [--sandbox] [--lang LANGUAGE]      start the desktop app
       dps-setup setup|show|list [options]         set up, show or list DPS and IoT hubs
       dps-setup login|logout|account [options]    sign in, sign out, remembered accounts
Run &quot;dps-setup COMMAND --help&quot; for the options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown command &apos;%1&apos;. Commands: setup, show, list, login, logout, account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown command &apos;%1&apos;. Did you mean &apos;%2&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/cli/AccountCommands.cpp" line="+176"/>
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n subscription</numerusform>
            <numerusform>%n subscriptions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dps::Cli::Detail</name>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="-918"/>
        <source>public, china, usgov, custom or sandbox (default: public, or sandbox with --sandbox-info; with a remembered account, its cloud).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info file of a running arm-sandbox (with --cloud sandbox). Without it an embedded sandbox is started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>ARM endpoint of a custom cloud (https).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entra ID authority host of a custom cloud (https).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra CA certificate (PEM) to trust, e.g. a sandbox&apos;s own certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/cli/AccountCommands.cpp" line="-21"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+420"/>
        <source>needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-418"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tenants that need an interactive sign-in (MFA or Conditional Access): %1. Sign in to one with &quot;dps-setup login --tenant &lt;id&gt;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signs in to Microsoft Entra ID and remembers the account. Only the refresh token (or a service principal&apos;s secret) is kept, in the OS keychain; setup, show and list then use the account, also from a new process. Without a method option: the browser when one can be opened, else a device code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in with the system browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in on any device with a code (for a terminal without a browser).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as a service principal: --tenant and --client-id (or AZURE_TENANT_ID and AZURE_CLIENT_ID); the secret from AZURE_CLIENT_SECRET, else it is asked for (never an argument).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the Azure CLI&apos;s login (&quot;az login&quot;); nothing is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant to sign in to: an ID or a domain (default: your home tenant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client ID of your own app registration (default: the Azure CLI&apos;s public client), or the service principal&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name to fill in on the sign-in page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Don&apos;t remember the account and keep nothing in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Don&apos;t list the account&apos;s tenants and subscriptions after signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the account and its tenants as JSON on standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command that opens the sign-in page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose one of --browser, --device-code, --service-principal and --azure-cli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No browser can be opened here: signing in with a device code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>login with --cloud sandbox needs --sandbox-info (an embedded sandbox would end with this command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A service principal needs --tenant and --client-id (or AZURE_TENANT_ID and AZURE_CLIENT_ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Client secret of %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No client secret: set AZURE_CLIENT_SECRET or type it when asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tenants of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed in as %1: %2, home tenant %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was remembered (--session-only): the sign-in ends with this command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remembered: setup, show and list use the Azure CLI&apos;s login from now on; &quot;dps-setup logout&quot; forgets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remembered, with the sign-in kept in the OS keychain: setup, show and list use this account from now on; &quot;dps-setup logout&quot; forgets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not list the tenants: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign in with your browser. If it does not open, open this address yourself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To sign in, open %1 and enter the code %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling the sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing can be remembered without a keychain. Run the command again with --session-only to sign in for this command only, or use a service principal through AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signs out: forgets the account and deletes its saved sign-in from the OS keychain. Without options, the last used account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out of every account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account to sign out of (its ID or user name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log what happens on standard error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No remembered account matches &apos;%1&apos; (see dps-setup account list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Several accounts are remembered: name one with --account, or use --all (see dps-setup account list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No account is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed out %1; its saved sign-in was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>dps-setup account list: the remembered accounts, their tenants (with a silent sign-in to each: &quot;needs sign-in&quot; for MFA or Conditional Access) and subscriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List the accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print them as JSON on standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t ask Azure for the tenants (no network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/core/cli/CommandLine.cpp" line="+1"/>
        <source>Log every HTTP request (redacted) on standard error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usage: dps-setup account list [--json] [--no-tenants]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1, cloud %2 (%3), home tenant %4, id %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trusts the CA %1 for this cloud&apos;s endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No accounts. Sign in with &quot;dps-setup login&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="+7"/>
        <source>Tenant of the subscription (default: the service principal&apos;s; with an account, the subscription&apos;s own tenant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/cli/AccountCommands.cpp" line="-368"/>
        <location line="+4"/>
        <location filename="../app/core/cli/CommandLine.cpp" line="+0"/>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="+1"/>
        <source>Print the result as JSON on standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this remembered account (its ID or user name; see dps-setup account list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/cli/AccountCommands.cpp" line="+236"/>
        <location filename="../app/core/cli/CommandLine.cpp" line="+0"/>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="-109"/>
        <source>Using the remembered account %1: %2, tenant %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Using the service principal %1 of AZURE_CLIENT_ID, tenant %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Using the sandbox&apos;s service principal %1 (from its info file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+129"/>
        <source>See --help for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unexpected argument &apos;%1&apos;. Quote values that contain spaces; see --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read the sandbox info file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not an arm-sandbox info file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot start the embedded sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Using an embedded sandbox at %1 (demo world).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown cloud &apos;%1&apos;: use public, china, usgov, custom or sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>AZURE_CLIENT_SECRET is ignored for the local sandbox: it is only sent to the cloud it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No remembered account matches &apos;%1&apos;. Sign in with &quot;dps-setup login&quot;; &quot;dps-setup account list&quot; shows the accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The account %1 belongs to another cloud (%2 at %3). Leave out --cloud to use its cloud, or sign in to this one with &quot;dps-setup login&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Not signed in: run &quot;dps-setup login&quot; (browser, device code, service principal or Azure CLI), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET to a service principal (as for the Azure CLI and SDKs), or use --cloud sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Http::BearerTokenPolicy</name>
    <message>
        <location filename="../app/core/http/BearerTokenPolicy.cpp" line="+29"/>
        <source>Refusing to send credentials to %1 over plain http: https is required for every host except this computer (loopback).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Http::QnamTransport</name>
    <message>
        <location filename="../app/core/http/QnamTransport.cpp" line="+83"/>
        <source>The network is not available (the application is shutting down).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1 did not answer within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Http::RetryPolicy</name>
    <message>
        <location filename="../app/core/http/BearerTokenPolicy.cpp" line="+27"/>
        <location filename="../app/core/http/QnamTransport.cpp" line="-81"/>
        <location line="+88"/>
        <location filename="../app/core/http/RetryPolicy.cpp" line="+54"/>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Identity::Account</name>
    <message>
        <location filename="../app/core/identity/AccountStore.cpp" line="+69"/>
        <source>browser sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>device code sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>service principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Azure CLI login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Identity::AccountManager</name>
    <message>
        <location filename="../app/core/identity/AccountManager.cpp" line="+569"/>
        <source>No keychain is available. You can stay signed in for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The sign-in service sent no refresh token (offline_access was not granted), so DPS Setup cannot stay signed in. Check the app registration&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A service principal needs a tenant ID, a client ID and a client secret; missing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The Azure CLI (az) was not found. Install it and run &quot;az login&quot;, or choose another way to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Azure CLI login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-808"/>
        <location line="+892"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-921"/>
        <source>You can stay signed in for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+163"/>
        <source>No keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No saved sign-in for %1 was found in the keychain. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+759"/>
        <source>%1 is signed out, but its saved sign-in could not be deleted from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Identity::AuthError</name>
    <message>
        <location filename="../app/core/identity/AuthError.cpp" line="+77"/>
        <source>The client secret is wrong. Use the secret&apos;s value (not its ID) from the app registration&apos;s &quot;Certificates &amp; secrets&quot; page, or create a new secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The client secret has expired. Create a new secret on the app registration&apos;s &quot;Certificates &amp; secrets&quot; page and use its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The Azure CLI (az) is not installed, or it is not on the PATH. Install it, or sign in another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Azure CLI is not signed in: run az login (with --tenant and the tenant ID for another tenant), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Azure CLI did not answer within %1 s. Run az account get-access-token in a terminal to see what it is waiting for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Azure CLI could not get a token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The app registration is not a public client, so it wants a client secret. For a browser or device code sign-in, set &quot;Allow public client flows&quot; to Yes on the app registration&apos;s &quot;Authentication&quot; page; for a service principal, enter the secret&apos;s value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This client ID belongs to a public client, which must not send a client secret. Sign in with the browser or a device code, or use the service principal&apos;s own client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No application with this client ID exists in the tenant. Check the client (application) ID and the tenant ID: the app must be registered in, or consented to by, that tenant. To use your own app registration, register it as a public client with the redirect URI http://localhost (see &quot;Your own app registration&quot; in the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The app registration does not accept this app&apos;s redirect address. Add the redirect URI http://localhost under &quot;Mobile and desktop applications&quot; on the app registration&apos;s &quot;Authentication&quot; page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tenant was not found. Check the tenant ID (a GUID) or its domain name, and that you chose the right cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A Conditional Access policy of this tenant blocked the sign-in. Ask the tenant&apos;s administrator what the policy requires (for example a managed device or a trusted location).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This tenant requires you to set up multi-factor authentication. Sign in with the browser to register a method, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This tenant requires multi-factor authentication. Sign in to this tenant interactively with the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The application has not been granted access to Azure Resource Manager in this tenant. Sign in interactively to consent, or ask an administrator to grant consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in service rejected the requested permission (scope). Check the cloud settings: the ARM scope must end in /.default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The device code expired before the sign-in was finished. Start the sign-in again and enter the new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in was declined on the device login page. Start it again if that was a mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in service did not recognise the device code. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in was cancelled in the browser, or the requested permissions were declined. Sign in again and accept them to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in was not completed in the browser within %1 s. Try again, or sign in with a device code if the browser cannot reach this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The browser returned an answer that does not belong to this sign-in, so it was rejected for your safety. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The app could not wait for the browser&apos;s answer on this computer (%1). Sign in with a device code instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not reach the sign-in service (%1). Check the network connection and proxy settings, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sign-in address %1 does not use https. Secrets are only sent over https, or to this computer (loopback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a tenant ID or domain name. Enter the tenant&apos;s GUID or a domain such as contoso.onmicrosoft.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service principal&apos;s credentials were rejected. Check the client ID and the client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This application may not sign in this way in this tenant. Check the app registration (client ID, tenant, and whether it is a public or a confidential client).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your sign-in has expired or was revoked. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This tenant requires an interactive sign-in. Sign in with the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in service is busy or unavailable. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in service sent an answer the app does not understand (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sign-in failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Identity::BrowserSignIn</name>
    <message>
        <location filename="../app/core/identity/BrowserSignIn.cpp" line="+234"/>
        <source>Sign-in to DPS Setup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can close this tab and return to DPS Setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in to DPS Setup. You can close this tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+16"/>
        <source>Bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign-in already finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sign-in has already finished. You can close this tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Identity::DeviceCodeSignIn</name>
    <message>
        <location filename="../app/core/identity/DeviceCodeSignIn.cpp" line="+111"/>
        <source>To sign in, open %1 in a browser and enter the code %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Identity::EnvironmentCredential</name>
    <message>
        <location filename="../app/core/identity/EnvironmentCredential.cpp" line="+52"/>
        <source>AZURE_CLIENT_CERTIFICATE_PATH is set, but signing in with a certificate is not supported yet. Set AZURE_CLIENT_SECRET to the service principal&apos;s client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To sign in with a service principal, set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET. Missing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>AZURE_TENANT_ID (&quot;%1&quot;) is not a tenant ID or domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The sign-in address &quot;%1&quot; (AZURE_AUTHORITY_HOST) must be an https URL such as https://login.microsoftonline.com/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The sandbox&apos;s info file has no service principal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sandbox&apos;s info file has no usable authorityHost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+130"/>
        <source>DPS Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local sandbox — %1</source>
        <extracomment>Window title; %1 is the application&apos;s name, which must stay at the end.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About DPS Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DPS Setup logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome to DPS Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This app guides you through setting up an Azure IoT Hub Device Provisioning Service without the Azure portal: sign in, create the provisioning service, create or pick an IoT hub, link the two and choose how devices are allocated to hubs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DPS Setup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sets up an Azure IoT Hub Device Provisioning Service and links it to IoT hubs, without the Azure portal. Built with Qt %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Secrets::SecretError</name>
    <message>
        <location filename="../app/core/secrets/SecretError.cpp" line="+21"/>
        <source>No saved sign-in was found in the keychain. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available (no Secret Service is running). You can stay signed in for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain is locked. Unlock it and try again, or stay signed in for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access to the keychain was denied. Allow DPS Setup to use the keychain and try again, or stay signed in for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The keychain could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain could not be used: %1</source>
        <extracomment>%1 is the keychain&apos;s own error message (often English)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Services::AzureService</name>
    <message>
        <location filename="../app/core/services/AzureService.cpp" line="+551"/>
        <source>&quot;%1&quot; is not a valid access policy name: use 1 to 64 letters, digits, hyphens, underscores or periods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The IoT hub &quot;%1&quot; already has a policy &quot;%2&quot; with the rights &quot;%3&quot;; linking needs RegistryWrite and ServiceConnect. Choose another name for the new policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+58"/>
        <location line="+122"/>
        <source>The allocation weight must be a whole number from 0 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-222"/>
        <source>The IoT hub &quot;%1&quot; is not ready (state %2, provisioning %3). Wait until it is active, then link it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The IoT hub &quot;%1&quot; does not allow shared access policies (local authentication is disabled), which linking needs. Allow them on the hub, or choose another hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The IoT hub &quot;%1&quot; is already linked to the provisioning service &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-45"/>
        <source>The access policy &quot;%1&quot; of IoT hub &quot;%2&quot; has the rights &quot;%3&quot;; linking needs RegistryWrite and ServiceConnect. Choose another policy, such as iothubowner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+226"/>
        <source>The IoT hub &quot;%1&quot; is not linked to the provisioning service &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-254"/>
        <source>&quot;%1&quot; is not an allocation policy. Choose Hashed (evenly weighted), GeoLatency (lowest latency) or Static.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Setup</name>
    <message>
        <location filename="../app/core/setup/SetupPlan.cpp" line="+89"/>
        <source>Microsoft.Devices registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microsoft.Devices registration of the hub&apos;s subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource group of the IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device Provisioning Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the IoT hub to the DPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not started (an earlier step failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/setup/Plan.cpp" line="+18"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Lowest latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Static configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evenly weighted distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+199"/>
        <source>The IoT hub is in the DPS&apos;s subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft.Devices is registered in the subscription %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register the resource provider Microsoft.Devices in the subscription %1 (it takes a minute or two).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Microsoft.Devices: from %1 to Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register Microsoft.Devices in the subscription %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until Microsoft.Devices is registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The IoT hub goes into the DPS&apos;s resource group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the existing resource group &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create the resource group &apos;%1&apos; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <location line="+35"/>
        <source>Region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Create the resource group &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Create the Device Provisioning Service &apos;%1&apos; (S1, %n unit(s)) in %2 with the allocation policy %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Tier: S1, %n unit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allocation policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the DPS &apos;%1&apos; with the allocation policy %2, then wait until it is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the new DPS (ID scope, endpoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wait until the DPS is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the existing Device Provisioning Service &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Create the IoT hub &apos;%1&apos; (%2, %n unit(s), %3 partitions) in %4.</source>
        <translation type="unfinished">
            <numerusform>Create the IoT hub &apos;%1&apos; (%2, %n unit, %3 partitions) in %4.</numerusform>
            <numerusform>Create the IoT hub &apos;%1&apos; (%2, %n units, %3 partitions) in %4.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It goes into the subscription %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Tier: %1, %n unit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device-to-cloud partitions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the IoT hub &apos;%1&apos;, then wait until it is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the new IoT hub (host name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Wait for the DPS &apos;%1&apos;, which Azure is still creating or updating (Azure says: %2), then use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Wait for the IoT hub &apos;%1&apos;, which Azure is still creating or updating (Azure says: %2), then use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait until the IoT hub is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the existing IoT hub &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the existing IoT hub &apos;%1&apos; of the subscription %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Replace the link to &apos;%1&apos;, which still holds the key of a deleted IoT hub of that name, with a link to the new hub (access policy &apos;%2&apos;, allocation weight %3, apply allocation policy: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Link the IoT hub &apos;%1&apos; with its access policy &apos;%2&apos;, allocation weight %3, apply allocation policy: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change the allocation weight of the link to &apos;%1&apos; from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change &apos;apply allocation policy&apos; of the link to &apos;%1&apos; from no to yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &apos;apply allocation policy&apos; of the link to &apos;%1&apos; from yes to no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the allocation policy from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add the access policy &apos;%1&apos; with only RegistryWrite and ServiceConnect to the IoT hub &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the hub&apos;s access policies (kept in memory only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the access policy &apos;%1&apos; to the IoT hub &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the key of the access policy &apos;%1&apos; (kept in memory only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>Read the DPS again just before changing it (what changed meanwhile is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Link the IoT hub &apos;%1&apos; to the DPS &apos;%2&apos; with its access policy &apos;%3&apos;, allocation weight %4, apply allocation policy: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change the link of the IoT hub &apos;%1&apos; to the DPS &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The allocation policy changes in the same update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update the DPS &apos;%1&apos;: the link and the allocation policy in one request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the DPS &apos;%1&apos;: the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the IoT hub to the new DPS &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>Wait until the DPS is active again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The IoT hub &apos;%1&apos; is already linked to the DPS with allocation weight %2 and apply allocation policy: %3. Nothing to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The new DPS gets the allocation policy %1 when it is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep the allocation policy %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The allocation policy changes with the link, in one update of the DPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Update the DPS &apos;%1&apos;: the allocation policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Setup::SetupController</name>
    <message>
        <location filename="../app/core/setup/SetupController.cpp" line="+68"/>
        <location line="+205"/>
        <location line="+205"/>
        <location line="+14"/>
        <location line="+13"/>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-222"/>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The name has %n characters; a name can have at most 50.</source>
        <translation>
            <numerusform>The name has %n character; a name can have at most 50.</numerusform>
            <numerusform>The name has %n characters; a name can have at most 50.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name must be 3 to 50 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only letters, digits and hyphens; start and end with a letter or digit, and don&apos;t use only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter a name for the resource group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A resource group name can have at most 90 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use only letters, digits, underscores, hyphens, periods and parentheses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A resource group name cannot end with a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Choose a subscription first; the name is checked in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in first; the name is checked in your subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+25"/>
        <source>The name &apos;%1&apos; is taken by another DPS; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <source>The name &apos;%1&apos; is taken by another IoT hub; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The DPS &apos;%1&apos; already exists in resource group &apos;%2&apos;; it will be used as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IoT hub &apos;%1&apos; already exists in resource group &apos;%2&apos;; it will be used as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/setup/SetupControllerIdentity.cpp" line="+128"/>
        <source>This build cannot start a sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sandbox did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The sandbox&apos;s description is incomplete; start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the sandbox&apos;s service principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Only an account of a person can sign in to another tenant; sign in with your browser first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The settings file %1 cannot be read, so the choices of your last session are not restored (and today&apos;s may not be kept). Check that it is a readable and writable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The choices remembered from your last session could not be read and were reset; the wizard starts with its defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record of your last run cannot be read (%1). Apply looks at what Azure holds and creates only what is missing, but cannot pick up an operation that was still running; check the file&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The record of your last run could not be read and was set aside (%1). Apply looks at what Azure holds and creates only what is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your last setup (DPS &apos;%1&apos;, IoT hub &apos;%2&apos;) stopped before it finished. Sign in and go on to Review: Apply finishes it without creating anything twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Setup::SetupEngine</name>
    <message>
        <location filename="../app/core/setup/SetupEngine.cpp" line="+171"/>
        <source>This setup (DPS &apos;%1&apos;, IoT hub &apos;%2&apos;) is running in another DPS Setup (process %3). Wait until it has finished, then try again: nothing is done twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The lock of this setup (%1) cannot be created: check that the folder can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Use 3 to 50 letters, digits and hyphens; start with a letter or digit, end with a letter or digit, and don&apos;t use only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No subscription is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the subscription for the DPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>The resource group name &apos;%1&apos; is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Use 1 to 90 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;, &apos;(&apos; or &apos;)&apos;, not ending with a period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DPS name &apos;%1&apos; is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The IoT hub name &apos;%1&apos; is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No region is chosen for the new resources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Choose a region, for example westeurope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No region is chosen for the new IoT hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not an allocation policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose Hashed (evenly weighted distribution), GeoLatency (lowest latency) or Static (static configuration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The allocation weight %1 is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a weight from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not an IoT hub tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose F1, B1, B2, B3, S1, S2 or S3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 hubs can have 1 to %2 units, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a number of units in that range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 partitions are not possible for a %2 hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free hubs have exactly 2 partitions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose 2 to 128 partitions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new hub has no policy &apos;%1&apos; with the rights DPS needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the policy iothubowner for a new hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A DPS can have 1 to 10 units, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose 1 to 10 units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Subscription &apos;%1&apos; is enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription &apos;%1&apos; is %2; nothing can be created in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an enabled subscription, or re-enable this one in the Azure portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Microsoft.Devices is registered in subscription %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft.Devices is not registered in subscription %1 (state: %2); the plan registers it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resource provider Microsoft.Devices is not registered in subscription %1 (state: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Resource group &apos;%1&apos; exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The resource group &apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an existing resource group, or let DPS Setup create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The DPS &apos;%1&apos; exists but its last operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DPS &apos;%1&apos; exists and will be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the DPS &apos;%1&apos; and run the setup again, or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The DPS &apos;%1&apos; does not exist in resource group &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an existing DPS, or let DPS Setup create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The name &apos;%1&apos; is available for the DPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Register it: with Fix it here, or on the command line with --register-provider, which registers it as part of the setup. It takes a minute or two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The resource group &apos;%1&apos; will be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The name &apos;%1&apos; is checked when Microsoft.Devices is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The DPS name &apos;%1&apos; is already taken: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DPS names are global across Azure; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The IoT hub &apos;%1&apos; exists but its last operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the IoT hub &apos;%1&apos; and run the setup again, or choose another hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The IoT hub &apos;%1&apos; does not allow shared access policies (local authentication is disabled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow shared access policies on the hub, or choose another hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The IoT hub &apos;%1&apos; exists and will be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The policy &apos;%1&apos; has RegistryWrite and ServiceConnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The policy &apos;%1&apos; has the rights &apos;%2&apos;; linking needs RegistryWrite and ServiceConnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Choose iothubowner or another policy with RegistryWrite and ServiceConnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The policy &apos;%1&apos; will be created on the hub with RegistryWrite and ServiceConnect only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The IoT hub has no access policy &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The IoT hub &apos;%1&apos; does not exist in resource group &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an existing IoT hub, or let DPS Setup create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The name &apos;%1&apos; is available for the IoT hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IoT hub name &apos;%1&apos; is already taken: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub names are global across Azure; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The subscription has no free hub yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The subscription already has a free (F1) IoT hub, &apos;%1&apos;; only one is allowed per subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a paid tier such as S1 or B1, use the existing free hub, or delete it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <location line="+19"/>
        <source>DPS and IoT Hub are offered in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>DPS and IoT Hub are not offered in the region &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Choose one of these regions: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>What is in Azure changed since the plan was reviewed, and Apply would now make changes you have not seen: %1. Nothing was changed; look at the new plan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+212"/>
        <source>Azure reports the operation on &apos;%1&apos; as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::ApplyPage</name>
    <message>
        <location filename="../ui/wizard/ApplyPage.cpp" line="+40"/>
        <source>%1 s</source>
        <extracomment>Elapsed time of a step, in seconds with one decimal.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creating what is missing. Steps that don&apos;t depend on each other run at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Setup steps and their progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Azure reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops waiting and starts nothing new; what Azure is already doing finishes there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Everything is in place. Press Next for the ID scope and the endpoints your devices need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Working… You can leave this window open; each step shows what Azure reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup was stopped. What was created stays in Azure; Retry continues where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A step failed; the others were stopped or finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Registering Microsoft.Devices in the subscription %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Creating the resource group &apos;%1&apos; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creating the DPS &apos;%1&apos; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading the DPS &apos;%1&apos; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creating the IoT hub &apos;%1&apos; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading the IoT hub &apos;%1&apos; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Linking the IoT hub &apos;%1&apos; to the DPS &apos;%2&apos; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setting the allocation policy of the DPS &apos;%1&apos; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Azure changed since Review. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plan as it is now:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply the &amp;new plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fix what the message says, then press Retry: it continues where the run stopped and creates nothing twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Delete it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleting the failed resource, then checking again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 What to do: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete and create again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register &amp;Microsoft.Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+17"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::DonePage</name>
    <message>
        <location filename="../ui/wizard/DonePage.cpp" line="+58"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your provisioning service is linked to the IoT hub. Devices need the ID scope and the global device endpoint to provision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Service endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Global device endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the ID scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the service endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the global device endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the IoT hub host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy &amp;device settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy device settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As &amp;text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As &amp;environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copies the settings a device needs as text. Alt+Down (or the arrow) offers JSON and environment variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open the &amp;provisioning service in the Azure portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the provisioning service in the Azure portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the IoT hub in the &amp;Azure portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the IoT hub in the Azure portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These resources live in the local sandbox, so there is no Azure portal page for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;ID scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Global device endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub &amp;host name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device settings are the ID scope and the global device endpoint, as text, JSON or environment variables for the Azure IoT device SDK samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>ID scope: %1
Global device endpoint: %2
</source>
        <extracomment>Device settings copied as plain text; keep the values (%1, %2) on their own lines.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copied as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied as environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied as text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::DpsPage</name>
    <message>
        <location filename="../ui/wizard/DpsPage.cpp" line="+22"/>
        <source>Device Provisioning Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provisioning service tells each device, the first time it starts, which IoT hub to connect to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a ne&amp;w provisioning service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing provisioning service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Provisioning service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pricing tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S1 – Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Existing provisioning service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>N&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name becomes part of the service&apos;s address, so it must be unique across Azure: 3 to 50 letters, digits and hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pricing &amp;tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (resource group %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This subscription has no provisioning service yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Loading the provisioning services of this subscription…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::IotHubPage</name>
    <message>
        <location filename="../ui/wizard/IotHubPage.cpp" line="+31"/>
        <source>F1 – Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 – Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 – Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free: 8,000 messages a day, one unit, two partitions; one free hub per subscription. For trying things out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic: 400,000 messages a day per unit; devices can only send. No cloud-to-device messages, device twins or direct methods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic: 6 million messages a day per unit; devices can only send. No cloud-to-device messages, device twins or direct methods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic: 300 million messages a day per unit, at most 10 units; devices can only send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard: 400,000 messages a day per unit, with cloud-to-device messages, device twins, direct methods and routing. The usual choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standard: 6 million messages a day per unit, with every IoT Hub feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard: 300 million messages a day per unit, at most 10 units, with every IoT Hub feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices send their data to an IoT hub. Create one, or use one you have, from this or another subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscription of the IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a ne&amp;w IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IoT hub name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pricing and scale tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device-to-cloud partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many readers can process device messages in parallel. It cannot be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resource group of the new IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. iot-provisioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IoT hub region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Existing IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>N&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Partitions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;gion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Subs&amp;cription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Resource group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hub:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (%2, resource group %3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+178"/>
        <source>This subscription has no IoT hub yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-153"/>
        <source>The regions of this subscription could not be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether this subscription can hold IoT resources could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try aga&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 (same as the DPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Loading the IoT hubs of this subscription…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+10"/>
        <source>Registering Microsoft.Devices in this subscription. This usually takes a minute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>This subscription is not registered for IoT resources yet (the resource provider Microsoft.Devices is %1), so it has no IoT hub. Register it now, or go on with a new hub: Apply registers it first (a minute or two).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register &amp;Microsoft.Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Existing resource group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new resource group &apos;%1&apos; will be created in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hub&apos;s region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The resource groups could not be listed (%1). If &apos;%2&apos; does not exist, it will be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the resource groups of this subscription…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Whether this subscription already has its free hub could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking whether this subscription already has its free hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This subscription already has its one free hub, &apos;%1&apos;. Choose B1 or S1, or use &apos;%1&apos; as an existing hub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::LinkPage</name>
    <message>
        <location filename="../ui/wizard/LinkPolicyPages.cpp" line="+26"/>
        <source>Link the IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provisioning service registers devices in the hub with one of the hub&apos;s access policies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a &amp;dedicated policy with only the permissions linking needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name of the new access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allocation weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;pply allocation policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply allocation policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Access policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only policies with the RegistryWrite and ServiceConnect permissions can link a hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Polic&amp;y name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provisioning service then holds a key that can only register devices, not the hub owner&apos;s key. Apply adds the policy to the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Allocation &amp;weight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With evenly weighted distribution, a hub with weight 2 gets twice as many devices as a hub with weight 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When it is off, the allocation policy skips this hub; only enrollments that name it send devices there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub &apos;%1&apos; has no access policy with RegistryWrite and ServiceConnect. Add one to the hub, or choose another hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter a name for the new policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use up to 64 letters, digits, hyphens, underscores or periods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is one of the hub&apos;s built-in policies; choose a name of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The IoT hub &apos;%1&apos; is already linked to the DPS &apos;%2&apos; with allocation weight %3 and apply allocation policy %4. Apply changes the link only where you change these; its access policy stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (RegistryWrite, ServiceConnect, DeviceConnect, RegistryRead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new hub comes with the iothubowner policy, which has the permissions linking needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the hub&apos;s access policies…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::MessageBanner</name>
    <message>
        <location filename="../ui/widgets/MessageBanner.cpp" line="+32"/>
        <source>Cop&amp;y details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the error code, message and request ids, for a support request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1

What to do: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::NameChecker</name>
    <message>
        <location filename="../ui/wizard/NameChecker.cpp" line="+27"/>
        <source>&apos;%1&apos; is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking whether &apos;%1&apos; is free…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::PolicyPage</name>
    <message>
        <location filename="../ui/wizard/LinkPolicyPages.cpp" line="+27"/>
        <source>Allocation policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the provisioning service chooses a hub for each new device, when more than one hub is linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Evenly weighted distribution (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lowest latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Static configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Devices are spread over the linked hubs in proportion to their allocation weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each device goes to the linked hub with the lowest latency to it, usually the nearest one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each device goes to the hub named in its enrollment; the allocation policy does not choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The DPS &apos;%1&apos; currently uses %2. Choosing another policy changes how it assigns every device that registers from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::ReviewPage</name>
    <message>
        <location filename="../ui/wizard/ReviewPage.cpp" line="+48"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checks before applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Azure Resource Manager calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>C&amp;hecks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Azure Resource Manager &amp;calls Apply makes (changes in bold):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+128"/>
        <source>Chec&amp;k again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-187"/>
        <source>Nothing has been changed in Azure yet. The plan below compares your choices with what Azure holds; Apply makes exactly these changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Nothing to do: everything in Azure is already as you chose. Apply changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes to existing resources (before → after):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading what exists in Azure to make the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An earlier run of this plan stopped before it finished. Apply continues where it stopped; nothing is created twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking names, subscriptions and permissions in Azure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The plan is made once the checks pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Fix it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fixing, then checking again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete and create again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 What to do: %2</source>
        <extracomment>A failed check, then what to do about it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some checks failed. Go back and change the plan, or fix what is listed, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::SetupWizard</name>
    <message>
        <location filename="../ui/wizard/SetupWizard.cpp" line="+19"/>
        <source>DPS Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Setup steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provisioning service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allocation policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. %2</source>
        <extracomment>A step in the list beside the wizard: &quot;3. Provisioning service&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>current step</source>
        <extracomment>Accessible description of the current step in the step list.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stop the setup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup is still running in Azure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If you stop now, what has been created stays in Azure, and the next time you apply the same plan DPS Setup continues where it stopped instead of starting again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Close the window?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup is not finished. Your choices so far are kept: the next start offers them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::SignInPage</name>
    <message>
        <location filename="../ui/wizard/SignInPage.cpp" line="+62"/>
        <source>Sign in to Azure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DPS Setup works in the subscriptions of the account you sign in with. Nothing is changed in Azure until you have reviewed the whole plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tenants of the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No Azure account at hand?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Try it without an Azure account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try it without an Azure account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts a local sandbox that behaves like Azure, with demo subscriptions. Nothing is created in Azure and no account is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Remembered accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Use this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+51"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Azure (global)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure operated by 21Vianet (China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure US Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resource Manager endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-in authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In my &amp;web browser (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With a &amp;code on another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As a service &amp;principal (app ID and secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With the Azure CLI&apos;s l&amp;ogin (az login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant ID or domain, e.g. contoso.onmicrosoft.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application (client) ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept only in your system&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant I&amp;D:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicat&amp;ion ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop waitin&amp;g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sign-in code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy t&amp;he code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;loud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resource Manager:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in &amp;authority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+104"/>
        <source>%1 (%2): ready, %n subscription(s)</source>
        <extracomment>A tenant of the signed-in account: &quot;Contoso (contoso.example): ready, 2 subscriptions&quot;.</extracomment>
        <translation>
            <numerusform>%1 (%2): ready, %n subscription</numerusform>
            <numerusform>%1 (%2): ready, %n subscriptions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: needs its own sign-in (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: could not be read (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 · %2 · %3</source>
        <extracomment>A remembered account: &quot;alex@contoso.example (Alex Wilber) · browser sign-in · AzureCloud&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sign in again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not signed in yet. Choose how to sign in below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in to the local sandbox as %1. Everything you create lives only on this computer; press Next to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in as %1 (%2). Press Next to go on, or sign in with another account below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Signing in needs the system keychain service, which is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the tenant, the application ID and the client secret of the service principal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opening your browser… Finish signing in there; this page goes on by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking Microsoft Entra ID for a sign-in code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking the service principal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking the Azure CLI for its signed-in account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for you to finish signing in in your browser. If no browser opened, &lt;a href=&quot;%1&quot;&gt;open the sign-in page&lt;/a&gt; yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>On any device, open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and enter the code below. It works for %n minute(s).</source>
        <translation>
            <numerusform>On any device, open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and enter the code below. It works for %n minute.</numerusform>
            <numerusform>On any device, open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and enter the code below. It works for %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Continue &amp;for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Signing in as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting the sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::Ui::SubscriptionPage</name>
    <message>
        <location filename="../ui/wizard/SubscriptionPage.cpp" line="+23"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warned: pay the overdue bill soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Subscription and resource group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose where the new resources go. A resource group is a folder for Azure resources that share a lifetime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create a ne&amp;w resource group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing resource group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New resource group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. iot-provisioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Existing resource group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Subscription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only regions that offer both the Device Provisioning Service and IoT Hub are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+63"/>
        <source>%1 (%2)</source>
        <extracomment>Subscription in the list: &quot;Production (1f0c2a6e-...)&quot;, with its state when not enabled.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-39"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading your subscriptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2) — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in to %1… Finish the sign-in in your browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscriptions of these tenants are not listed until you sign in to them:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This account has no subscriptions. Create one in the Azure portal or sign in with another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The subscription of your last setup (%1) is not listed any more: it was deleted, or this account lost access to it. Choose one of these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This subscription is %1: nothing can be created in it. Choose another one, or re-enable it in the Azure portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking that the subscription can hold IoT resources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading regions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+10"/>
        <source>Registering Microsoft.Devices in this subscription. This usually takes a minute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <source>This subscription is not registered for IoT resources yet (the resource provider Microsoft.Devices is %1). Register it to create a DPS or an IoT hub here; it is free and takes about a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register &amp;Microsoft.Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A resource group named &apos;%1&apos; exists already; it will be used as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
