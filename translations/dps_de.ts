<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Dps::Application</name>
    <message>
        <location filename="../app/Application.cpp" line="+306"/>
        <source>DPS Setup</source>
        <translation>DPS-Einrichtung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sets up an Azure IoT Hub Device Provisioning Service without the Azure portal.</source>
        <translation>Richtet einen Azure IoT Hub Device Provisioning Service ohne das Azure-Portal ein.</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Use this language for the user interface instead of the system&apos;s language, for example %1.</source>
        <extracomment>%1 is a language code.</extracomment>
        <translation>Diese Sprache statt der Systemsprache für die Benutzeroberfläche verwenden, zum Beispiel %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the app without an Azure account: start a local sandbox with demo subscriptions and sign in to it.</source>
        <translation>Die App ohne Azure-Konto ausprobieren: eine lokale Sandbox mit Demo-Abonnements starten und sich dort anmelden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a running arm-sandbox, described by its info file, instead of Azure.</source>
        <translation>Statt Azure eine laufende arm-sandbox verwenden, die durch ihre Infodatei beschrieben ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot read the sandbox info file %1: %2</source>
        <translation>Die Sandbox-Infodatei %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Dps::Arm::ArmError</name>
    <message>
        <location filename="../app/core/arm/ArmError.cpp" line="+285"/>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft.Devices is still registering in subscription %1. Registration can take a while; try again in a few minutes.</source>
        <translation>Microsoft.Devices wird im Abonnement %1 noch registriert. Die Registrierung kann eine Weile dauern; versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure did not answer in time. Check your network connection, then try again.</source>
        <translation>Azure hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signing in failed (%1). Sign in again.</source>
        <translation>Die Anmeldung ist fehlgeschlagen (%1). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure sent an answer the app did not expect (%1). Try again; if it keeps happening, copy the details and report it.</source>
        <translation>Azure hat eine Antwort gesendet, die die App nicht erwartet hat (%1). Versuchen Sie es erneut; wenn das weiterhin passiert, kopieren Sie die Details und melden Sie den Fehler.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The secure (TLS) connection to Azure failed: %1. Check the computer&apos;s date and time and any proxy that inspects traffic; the app never ignores certificate errors.</source>
        <translation>Die sichere (TLS-)Verbindung zu Azure ist fehlgeschlagen: %1. Prüfen Sie Datum und Uhrzeit des Computers sowie jeden Proxy, der den Datenverkehr untersucht; die App ignoriert Zertifikatfehler nie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Azure could not be reached: the server name was not found (%1). Check your internet connection, DNS and proxy settings, and the cloud you selected.</source>
        <translation>Azure ist nicht erreichbar: Der Servername wurde nicht gefunden (%1). Prüfen Sie Ihre Internetverbindung, die DNS- und Proxyeinstellungen sowie die ausgewählte Cloud.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to Azure was refused (%1). Check the endpoint of the cloud you selected and your proxy settings.</source>
        <translation>Die Verbindung zu Azure wurde abgelehnt (%1). Prüfen Sie den Endpunkt der ausgewählten Cloud und Ihre Proxyeinstellungen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to Azure failed: %1. Check your network connection, then try again.</source>
        <translation>Die Verbindung zu Azure ist fehlgeschlagen: %1. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This subscription belongs to another directory (tenant %1). Sign in to that tenant, then try again.</source>
        <translation>Dieses Abonnement gehört zu einem anderen Verzeichnis (Mandant %1). Melden Sie sich bei diesem Mandanten an und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This subscription belongs to another directory (tenant). Sign in to the subscription&apos;s tenant, then try again.</source>
        <translation>Dieses Abonnement gehört zu einem anderen Verzeichnis (Mandant). Melden Sie sich beim Mandanten des Abonnements an und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Azure did not accept your sign-in. Sign in again.</source>
        <translation>Azure hat Ihre Anmeldung nicht akzeptiert. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You don&apos;t have permission to perform &quot;%1&quot; on &quot;%2&quot;. Ask an owner of the subscription or resource group for a role that allows it (for example Contributor), then sign in again.</source>
        <translation>Sie sind nicht berechtigt, „%1“ für „%2“ auszuführen. Bitten Sie einen Besitzer des Abonnements oder der Ressourcengruppe um eine Rolle, die dies erlaubt (zum Beispiel Mitwirkender/Contributor), und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You don&apos;t have permission for this operation. Ask an owner of the subscription for a role that allows it (for example Contributor), then sign in again. Azure said: %1</source>
        <translation>Sie sind für diesen Vorgang nicht berechtigt. Bitten Sie einen Besitzer des Abonnements um eine Rolle, die dies erlaubt (zum Beispiel Mitwirkender/Contributor), und melden Sie sich dann erneut an. Meldung von Azure: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>You don&apos;t have permission to perform &quot;%1&quot; on &quot;%2&quot;, which this request refers to. Ask for access to that resource, then try again.</source>
        <translation>Diese Anforderung verweist auf „%2“, aber Sie sind nicht berechtigt, dort „%1“ auszuführen. Bitten Sie um Zugriff auf diese Ressource und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You don&apos;t have permission on another resource that this request refers to. Ask for access to it, then try again. Azure said: %1</source>
        <translation>Ihnen fehlt die Berechtigung für eine andere Ressource, auf die diese Anforderung verweist. Bitten Sie um Zugriff darauf und versuchen Sie es dann erneut. Meldung von Azure: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An Azure Policy of your organization forbids this request: %1 Choose values the policy allows (for example another region), or ask your administrator.</source>
        <translation>Eine Azure Policy Ihrer Organisation verbietet diese Anforderung: %1 Wählen Sie Werte, die die Richtlinie zulässt (zum Beispiel eine andere Region), oder wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not registered in subscription %2; register it (in the app with Register Microsoft.Devices, on the command line with --register-provider), then try again.</source>
        <translation>%1 ist im Abonnement %2 nicht registriert; registrieren Sie es (in der App mit „Microsoft.Devices registrieren“, in der Befehlszeile mit --register-provider) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not registered in this subscription; register it (in the app with Register Microsoft.Devices, on the command line with --register-provider), then try again.</source>
        <translation>%1 ist in diesem Abonnement nicht registriert; registrieren Sie es (in der App mit „Microsoft.Devices registrieren“, in der Befehlszeile mit --register-provider) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Subscription %1 was not found, or your account cannot see it. Check the subscription ID and that you signed in to the right directory.</source>
        <translation>Das Abonnement %1 wurde nicht gefunden, oder Ihr Konto hat keinen Zugriff darauf. Prüfen Sie die Abonnement-ID und ob Sie sich beim richtigen Verzeichnis angemeldet haben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Subscription %1 is disabled and read-only. Re-enable it in the Azure portal (for example by settling billing), or choose another subscription.</source>
        <translation>Das Abonnement %1 ist deaktiviert und schreibgeschützt. Aktivieren Sie es im Azure-Portal wieder (zum Beispiel durch Begleichen offener Rechnungen), oder wählen Sie ein anderes Abonnement.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Azure is throttling requests; waiting %1 s before trying again.</source>
        <translation>Azure drosselt Anforderungen; der nächste Versuch folgt in %1 s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Azure is throttling requests; wait a little, then try again.</source>
        <translation>Azure drosselt Anforderungen; warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The name &quot;%1&quot; is already taken. DPS and IoT hub names are global across Azure; choose another name.</source>
        <translation>Der Name „%1“ ist bereits vergeben. Namen von DPS und IoT-Hubs gelten global in ganz Azure; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The subscription already has a free (F1) IoT hub, and only one is allowed per subscription. Choose a paid tier such as S1 or B1, or delete the existing free hub.</source>
        <translation>Das Abonnement hat bereits einen kostenlosen IoT-Hub (F1), und pro Abonnement ist nur einer erlaubt. Wählen Sie einen kostenpflichtigen Tarif wie S1 oder B1, oder löschen Sie den vorhandenen kostenlosen Hub.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The subscription has reached its limit of IoT hubs. Delete a hub you no longer need, or use another subscription.</source>
        <translation>Das Abonnement hat seine Höchstzahl an IoT-Hubs erreicht. Löschen Sie einen Hub, den Sie nicht mehr benötigen, oder verwenden Sie ein anderes Abonnement.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The resource group &quot;%1&quot; does not exist. Create it first, or choose an existing one.</source>
        <translation>Die Ressourcengruppe „%1“ existiert nicht. Erstellen Sie sie zuerst, oder wählen Sie eine vorhandene aus.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; was not found. It may have been deleted, or it is in another resource group or subscription.</source>
        <translation>„%1“ wurde nicht gefunden. Möglicherweise wurde die Ressource gelöscht, oder sie befindet sich in einer anderen Ressourcengruppe oder einem anderen Abonnement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The resource was not found. It may have been deleted, or it is in another resource group or subscription.</source>
        <translation>Die Ressource wurde nicht gefunden. Möglicherweise wurde sie gelöscht, oder sie befindet sich in einer anderen Ressourcengruppe oder einem anderen Abonnement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The shared access policy %1 does not exist. Choose an existing policy, such as iothubowner.</source>
        <translation>Die freigegebene Zugriffsrichtlinie %1 existiert nicht. Wählen Sie eine vorhandene Richtlinie aus, zum Beispiel iothubowner.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure no longer knows the operation the app was following. Reload the resource to see its current state.</source>
        <translation>Azure kennt den Vorgang, den die App verfolgt hat, nicht mehr. Laden Sie die Ressource neu, um ihren aktuellen Zustand zu sehen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This Azure environment does not support the API version or resource type the app uses (%1). Check that you chose the right cloud, or update the app. Azure said: %2</source>
        <translation>Diese Azure-Umgebung unterstützt die API-Version oder den Ressourcentyp nicht, den die App verwendet (%1). Prüfen Sie, ob Sie die richtige Cloud gewählt haben, oder aktualisieren Sie die App. Meldung von Azure: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The chosen region is not available for this kind of resource. Choose another region. Azure said: %1</source>
        <translation>Die gewählte Region ist für diese Art von Ressource nicht verfügbar. Wählen Sie eine andere Region aus. Meldung von Azure: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another change to this resource is still running. Wait until it finishes, then try again.</source>
        <translation>Eine andere Änderung an dieser Ressource läuft noch. Warten Sie, bis sie abgeschlossen ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resource group &quot;%1&quot; is being deleted. Wait until the deletion finishes, or choose another resource group.</source>
        <translation>Die Ressourcengruppe „%1“ wird gerade gelöscht. Warten Sie, bis der Löschvorgang abgeschlossen ist, oder wählen Sie eine andere Ressourcengruppe aus.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The resource group already exists in another region: %1 Choose that region or another resource group.</source>
        <translation>Die Ressourcengruppe existiert bereits in einer anderen Region: %1 Wählen Sie diese Region oder eine andere Ressourcengruppe aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resource was changed by someone else since the app read it. Reload it, then try again.</source>
        <translation>Die Ressource wurde von jemand anderem geändert, seit die App sie gelesen hat. Laden Sie sie neu und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The IoT hub&apos;s connection string is not valid. Choose the hub and its access policy again.</source>
        <translation>Die Verbindungszeichenfolge des IoT-Hubs ist ungültig. Wählen Sie den Hub und seine Zugriffsrichtlinie erneut aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provisioning service could not reach the IoT hub. Check that the hub exists and that its host name is right.</source>
        <translation>Der Provisioning-Dienst konnte den IoT-Hub nicht erreichen. Prüfen Sie, ob der Hub existiert und sein Hostname stimmt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The IoT hub rejected the access key (unauthorized). The key may have been regenerated: choose the access policy again so the app uses its current key.</source>
        <translation>Der IoT-Hub hat den Zugriffsschlüssel abgelehnt (nicht autorisiert). Möglicherweise wurde der Schlüssel neu generiert: Wählen Sie die Zugriffsrichtlinie erneut aus, damit die App ihren aktuellen Schlüssel verwendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The access policy lacks the rights to link the hub. Choose a policy with RegistryWrite and ServiceConnect (iothubowner has both).</source>
        <translation>Der Zugriffsrichtlinie fehlen die Rechte zum Verknüpfen des Hubs. Wählen Sie eine Richtlinie mit RegistryWrite und ServiceConnect aus (iothubowner hat beide).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The linked IoT hub&apos;s region is missing or not valid. Choose the hub again.</source>
        <translation>Die Region des verknüpften IoT-Hubs fehlt oder ist ungültig. Wählen Sie den Hub erneut aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This IoT hub is already linked to the provisioning service.</source>
        <translation>Dieser IoT-Hub ist bereits mit dem Provisioning-Dienst verknüpft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request tried to change a read-only property: %1 Reload the resource, then try again.</source>
        <translation>Die Anforderung hat versucht, eine schreibgeschützte Eigenschaft zu ändern: %1 Laden Sie die Ressource neu und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The IoT hub is not active yet. Wait until its creation has finished, then link it.</source>
        <translation>Der IoT-Hub ist noch nicht aktiv. Warten Sie, bis seine Erstellung abgeschlossen ist, und verknüpfen Sie ihn dann.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The allocation weight must be a whole number from 0 to 1000.</source>
        <translation>Die Zuordnungsgewichtung muss eine ganze Zahl von 0 bis 1000 sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pricing tier is not valid: %1</source>
        <translation>Der Tarif ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of units is not valid: %1</source>
        <translation>Die Anzahl der Einheiten ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The allocation policy is not valid. Choose Hashed (evenly weighted), GeoLatency (lowest latency) or Static.</source>
        <translation>Die Zuordnungsrichtlinie ist ungültig. Wählen Sie Hashed (gleichmäßig gewichtet), GeoLatency (niedrigste Latenz) oder Static.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The region of an existing resource cannot be changed.</source>
        <translation>Die Region einer vorhandenen Ressource kann nicht geändert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name is not valid: %1 Use 3-50 letters, digits and hyphens, starting with a letter or digit and ending with a letter or digit.</source>
        <translation>Der Name ist ungültig: %1 Verwenden Sie 3-50 Buchstaben, Ziffern und Bindestriche; der Name muss mit einem Buchstaben oder einer Ziffer beginnen und enden.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Azure rejected the request as invalid: %1 Correct the value, then try again.</source>
        <translation>Azure hat die Anforderung als ungültig abgelehnt: %1 Korrigieren Sie den Wert und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Azure had a temporary problem (%1). Try again in a few minutes.</source>
        <translation>Bei Azure ist ein vorübergehendes Problem aufgetreten (%1). Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Azure reported an error (%1): %2</source>
        <translation>Azure hat einen Fehler gemeldet (%1): %2</translation>
    </message>
</context>
<context>
    <name>Dps::Arm::Cloud</name>
    <message>
        <location filename="../app/core/arm/Cloud.cpp" line="+18"/>
        <source>The %1 is missing.</source>
        <translation>%1 fehlt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 &quot;%2&quot; is not a valid absolute URL, such as https://management.azure.com/.</source>
        <translation>%1: „%2“ ist keine gültige absolute URL wie https://management.azure.com/.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 &quot;%2&quot; must start with https://.</source>
        <translation>%1: „%2“ muss mit https:// beginnen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 &quot;%2&quot; uses plain http. Use https: only the local sandbox (127.0.0.1, ::1 or localhost) may use http.</source>
        <translation>%1: „%2“ verwendet unverschlüsseltes http. Verwenden Sie https: Nur die lokale Sandbox (127.0.0.1, ::1 oder localhost) darf http verwenden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 &quot;%2&quot; must not contain a user name or password.</source>
        <translation>%1: „%2“ darf weder Benutzername noch Kennwort enthalten.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Azure Resource Manager endpoint</source>
        <translation>Azure Resource Manager-Endpunkt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sign-in authority</source>
        <translation>Anmeldeautorität</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The local sandbox&apos;s endpoint &quot;%1&quot; is not on this computer: a sandbox may only use 127.0.0.1, ::1 or localhost.</source>
        <translation>Der Endpunkt „%1“ der lokalen Sandbox liegt nicht auf diesem Computer: Eine Sandbox darf nur 127.0.0.1, ::1 oder localhost verwenden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The token scope for Azure Resource Manager is missing (for example https://management.azure.com/.default).</source>
        <translation>Der Tokenbereich für Azure Resource Manager fehlt (zum Beispiel https://management.azure.com/.default).</translation>
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
        <translation>ID</translation>
    </message>
    <message>
        <location line="-393"/>
        <location line="+499"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="-470"/>
        <source>Subscription %1 belongs to tenant %2: using that tenant&apos;s token.</source>
        <translation>Das Abonnement %1 gehört zum Mandanten %2: Das Token dieses Mandanten wird verwendet.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing to do: everything is already as asked. The setup would change nothing.</source>
        <translation>Nichts zu tun: Alles ist bereits wie gewünscht. Die Einrichtung würde nichts ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New:</source>
        <translation>Neu:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changes to existing resources:</source>
        <translation>Änderungen an vorhandenen Ressourcen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unchanged:</source>
        <translation>Unverändert:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The ARM calls, in order (steps that don&apos;t wait for each other run in parallel; writes marked *):</source>
        <translation>Die ARM-Aufrufe in ihrer Reihenfolge (Schritte, die nicht aufeinander warten, laufen parallel; Schreibzugriffe mit * markiert):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Creates (or completes) a DPS linked to an IoT hub: resource group, DPS and hub in parallel, link, allocation policy. Re-running finishes an interrupted setup and changes nothing that is already done.</source>
        <translation>Erstellt (oder vervollständigt) einen mit einem IoT-Hub verknüpften DPS: Ressourcengruppe, DPS und Hub parallel, Verknüpfung, Zuordnungsrichtlinie. Ein erneuter Aufruf schließt eine unterbrochene Einrichtung ab und ändert nichts, was bereits erledigt ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+224"/>
        <source>Subscription of the DPS.</source>
        <translation>Abonnement des DPS.</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Resource group of the DPS (created if missing).</source>
        <translation>Ressourcengruppe des DPS (wird bei Bedarf erstellt).</translation>
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
        <translation>Name</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>The resource group must exist already.</source>
        <translation>Die Ressourcengruppe muss bereits existieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region of new resources, e.g. westeurope.</source>
        <translation>Region neuer Ressourcen, z. B. westeurope.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Name of the DPS (created if missing).</source>
        <translation>Name des DPS (wird bei Bedarf erstellt).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DPS must exist already.</source>
        <translation>Der DPS muss bereits existieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units of a new DPS (1-10).</source>
        <translation>Einheiten eines neuen DPS (1-10).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Name of the IoT hub (created if missing).</source>
        <translation>Name des IoT-Hubs (wird bei Bedarf erstellt).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IoT hub must exist already.</source>
        <translation>Der IoT-Hub muss bereits existieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription of the hub, if not the DPS&apos;s.</source>
        <translation>Abonnement des Hubs, falls nicht das des DPS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant of the hub&apos;s subscription, if not the DPS&apos;s.</source>
        <translation>Mandant des Hub-Abonnements, falls nicht der des DPS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource group of the hub, if not the DPS&apos;s.</source>
        <translation>Ressourcengruppe des Hubs, falls nicht die des DPS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region of a new hub, if not --location.</source>
        <translation>Region eines neuen Hubs, falls nicht --location.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier of a new hub: F1, B1, B2, B3, S1, S2, S3.</source>
        <translation>Tarif eines neuen Hubs: F1, B1, B2, B3, S1, S2, S3.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sku</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units of a new hub.</source>
        <translation>Einheiten eines neuen Hubs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device-to-cloud partitions of a new hub (2-128; F1: 2).</source>
        <translation>Gerät-zu-Cloud-Partitionen eines neuen Hubs (2-128; F1: 2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub policy the DPS uses (RegistryWrite + ServiceConnect).</source>
        <translation>Zugriffsrichtlinie des Hubs, die der DPS verwendet (RegistryWrite + ServiceConnect).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the --access-policy on the hub with only RegistryWrite and ServiceConnect if it is missing (least privilege).</source>
        <translation>Die --access-policy auf dem Hub mit nur RegistryWrite und ServiceConnect anlegen, falls sie fehlt (geringste Rechte).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allocation policy: hashed (evenly weighted), geolatency (lowest latency) or static. Without it a new DPS gets hashed and an existing DPS keeps its own.</source>
        <translation>Zuordnungsrichtlinie: hashed (gleichmäßig gewichtet), geolatency (niedrigste Latenz) oder static. Ohne diese Option erhält ein neuer DPS hashed, und ein vorhandener DPS behält seine eigene.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation weight of the hub (1-1000).</source>
        <translation>Zuordnungsgewichtung des Hubs (1-1000).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t apply the allocation policy to this hub.</source>
        <translation>Die Zuordnungsrichtlinie nicht auf diesen Hub anwenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only read what exists and print the plan: what is created, what changes (before -&gt; after), the ARM calls. Changes nothing.</source>
        <translation>Nur lesen, was vorhanden ist, und den Plan ausgeben: was erstellt wird, was sich ändert (vorher -&gt; nachher), die ARM-Aufrufe. Ändert nichts.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register Microsoft.Devices where it is missing (the DPS&apos;s and the hub&apos;s subscription), as a step of the setup.</source>
        <translation>Microsoft.Devices registrieren, wo es fehlt (im Abonnement des DPS und des Hubs), als Schritt der Einrichtung.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Missing: %1. See dps-setup setup --help.</source>
        <translation>Fehlend: %1. Siehe dps-setup setup --help.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>--dps-units, --hub-units, --partitions and --weight take whole numbers.</source>
        <translation>--dps-units, --hub-units, --partitions und --weight erwarten ganze Zahlen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Check failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change: %1</source>
        <translation>Änderung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to do: everything is already as asked.</source>
        <translation>Nichts zu tun: Alles ist bereits wie gewünscht.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Done. The DPS &apos;%1&apos; is linked to the IoT hub &apos;%2&apos;.</source>
        <translation>Fertig. Der DPS „%1“ ist mit dem IoT-Hub „%2“ verknüpft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>ID scope:                %1</source>
        <translation>ID-Bereich:               %1</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+112"/>
        <source>Service endpoint:        %1</source>
        <translation>Dienstendpunkt:           %1</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+112"/>
        <source>Global device endpoint:  %1</source>
        <translation>Globaler Geräteendpunkt:  %1</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>IoT hub host name:       %1</source>
        <translation>Hostname des IoT-Hubs:    %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+111"/>
        <source>Allocation policy:       %1</source>
        <translation>Zuordnungsrichtlinie:     %1</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Nothing that succeeded is undone; run the same command again to finish the setup.</source>
        <translation>Erfolgreich ausgeführte Schritte werden nicht rückgängig gemacht; führen Sie denselben Befehl erneut aus, um die Einrichtung abzuschließen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling: no new steps start; operations already running in Azure finish there.</source>
        <translation>Abbruch: Es werden keine neuen Schritte gestartet; bereits in Azure laufende Vorgänge werden dort abgeschlossen.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Prints a DPS&apos;s ID scope, service endpoint and global device endpoint.</source>
        <translation>Gibt den ID-Bereich, den Dienstendpunkt und den globalen Geräteendpunkt eines DPS aus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource group of the DPS.</source>
        <translation>Ressourcengruppe des DPS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the DPS.</source>
        <translation>Name des DPS.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>show needs --subscription, --resource-group and --dps.</source>
        <translation>show benötigt --subscription, --resource-group und --dps.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>DPS:                     %1 (%2)</source>
        <translation>DPS:                      %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Linked IoT hub:          %1 (%2, weight %3)</source>
        <translation>Verknüpfter IoT-Hub:      %1 (%2, Gewichtung %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lists the DPS and IoT hubs of a subscription (or of every subscription you can see).</source>
        <translation>Listet die DPS und IoT-Hubs eines Abonnements auf (oder aller Abonnements, auf die Sie Zugriff haben).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only this subscription.</source>
        <translation>Nur dieses Abonnement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this resource group (needs --subscription).</source>
        <translation>Nur diese Ressourcengruppe (erfordert --subscription).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--resource-group needs --subscription.</source>
        <translation>--resource-group erfordert --subscription.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RESOURCE GROUP</source>
        <translation>RESSOURCENGRUPPE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LOCATION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID scope %1</source>
        <translation>ID-Bereich %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Subscription %1: %2</source>
        <translation>Abonnement %1: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Tenant %1 (%2) is left out: %3</source>
        <translation>Mandant %1 (%2) wird ausgelassen: %3</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Usage: dps-setup [--sandbox] [--lang LANGUAGE]      start the desktop app
       dps-setup setup|show|list [options]         set up, show or list DPS and IoT hubs
       dps-setup login|logout|account [options]    sign in, sign out, remembered accounts
Run &quot;dps-setup COMMAND --help&quot; for the options of a command.</source>
        <translation>Aufruf: dps-setup [--sandbox] [--lang SPRACHE]       startet die Desktop-App
        dps-setup setup|show|list [Optionen]        DPS und IoT-Hubs einrichten, anzeigen oder auflisten
        dps-setup login|logout|account [Optionen]   anmelden, abmelden, gespeicherte Konten
„dps-setup BEFEHL --help“ zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown command &apos;%1&apos;. Commands: setup, show, list, login, logout, account.</source>
        <translation>Unbekannter Befehl „%1“. Befehle: setup, show, list, login, logout, account.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown command &apos;%1&apos;. Did you mean &apos;%2&apos;?</source>
        <translation>Unbekannter Befehl „%1“. Meinten Sie „%2“?</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/cli/AccountCommands.cpp" line="+176"/>
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n Abonnement</numerusform>
            <numerusform>%n Abonnements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dps::Cli::Detail</name>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="-918"/>
        <source>public, china, usgov, custom or sandbox (default: public, or sandbox with --sandbox-info; with a remembered account, its cloud).</source>
        <translation>public, china, usgov, custom oder sandbox (Standard: public, mit --sandbox-info sandbox; bei einem gespeicherten Konto dessen Cloud).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info file of a running arm-sandbox (with --cloud sandbox). Without it an embedded sandbox is started.</source>
        <translation>Infodatei einer laufenden arm-sandbox (mit --cloud sandbox). Ohne sie wird eine eingebettete Sandbox gestartet.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>ARM endpoint of a custom cloud (https).</source>
        <translation>ARM-Endpunkt einer benutzerdefinierten Cloud (https).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entra ID authority host of a custom cloud (https).</source>
        <translation>Entra ID-Autoritätshost einer benutzerdefinierten Cloud (https).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra CA certificate (PEM) to trust, e.g. a sandbox&apos;s own certificate.</source>
        <translation>Zusätzliches vertrauenswürdiges CA-Zertifikat (PEM), z. B. das eigene Zertifikat einer Sandbox.</translation>
    </message>
    <message>
        <location filename="../app/core/cli/AccountCommands.cpp" line="-21"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+420"/>
        <source>needs sign-in</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <location line="-418"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tenants that need an interactive sign-in (MFA or Conditional Access): %1. Sign in to one with &quot;dps-setup login --tenant &lt;id&gt;&quot;.</source>
        <translation>Mandanten, die eine interaktive Anmeldung erfordern (MFA oder bedingter Zugriff): %1. Melden Sie sich mit „dps-setup login --tenant &lt;id&gt;“ bei einem davon an.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signs in to Microsoft Entra ID and remembers the account. Only the refresh token (or a service principal&apos;s secret) is kept, in the OS keychain; setup, show and list then use the account, also from a new process. Without a method option: the browser when one can be opened, else a device code.</source>
        <translation>Meldet sich bei Microsoft Entra ID an und speichert das Konto. Nur das Aktualisierungstoken (oder das Geheimnis eines Dienstprinzipals) wird aufbewahrt, und zwar im Schlüsselbund des Betriebssystems; setup, show und list verwenden dann das Konto, auch aus einem neuen Prozess. Ohne Option für die Methode: der Browser, wenn einer geöffnet werden kann, sonst ein Gerätecode.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in with the system browser.</source>
        <translation>Mit dem Systembrowser anmelden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in on any device with a code (for a terminal without a browser).</source>
        <translation>Auf einem beliebigen Gerät mit einem Code anmelden (für ein Terminal ohne Browser).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as a service principal: --tenant and --client-id (or AZURE_TENANT_ID and AZURE_CLIENT_ID); the secret from AZURE_CLIENT_SECRET, else it is asked for (never an argument).</source>
        <translation>Als Dienstprinzipal anmelden: --tenant und --client-id (oder AZURE_TENANT_ID und AZURE_CLIENT_ID); das Geheimnis aus AZURE_CLIENT_SECRET, sonst wird es abgefragt (nie als Argument).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the Azure CLI&apos;s login (&quot;az login&quot;); nothing is stored.</source>
        <translation>Die Anmeldung der Azure CLI („az login“) verwenden; es wird nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant to sign in to: an ID or a domain (default: your home tenant).</source>
        <translation>Mandant für die Anmeldung: eine ID oder eine Domäne (Standard: Ihr Basismandant).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client ID of your own app registration (default: the Azure CLI&apos;s public client), or the service principal&apos;s.</source>
        <translation>Client-ID Ihrer eigenen App-Registrierung (Standard: der öffentliche Client der Azure CLI) oder die des Dienstprinzipals.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name to fill in on the sign-in page.</source>
        <translation>Benutzername, der auf der Anmeldeseite vorausgefüllt wird.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Don&apos;t remember the account and keep nothing in the keychain.</source>
        <translation>Das Konto nicht speichern und nichts im Schlüsselbund ablegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Don&apos;t list the account&apos;s tenants and subscriptions after signing in.</source>
        <translation>Nach der Anmeldung die Mandanten und Abonnements des Kontos nicht auflisten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the account and its tenants as JSON on standard output.</source>
        <translation>Das Konto und seine Mandanten als JSON auf der Standardausgabe ausgeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command that opens the sign-in page.</source>
        <translation>Befehl, der die Anmeldeseite öffnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose one of --browser, --device-code, --service-principal and --azure-cli.</source>
        <translation>Wählen Sie nur eine der Optionen --browser, --device-code, --service-principal und --azure-cli.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No browser can be opened here: signing in with a device code.</source>
        <translation>Hier kann kein Browser geöffnet werden: Die Anmeldung erfolgt mit einem Gerätecode.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>login with --cloud sandbox needs --sandbox-info (an embedded sandbox would end with this command).</source>
        <translation>login mit --cloud sandbox erfordert --sandbox-info (eine eingebettete Sandbox würde mit diesem Befehl enden).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A service principal needs --tenant and --client-id (or AZURE_TENANT_ID and AZURE_CLIENT_ID).</source>
        <translation>Ein Dienstprinzipal erfordert --tenant und --client-id (oder AZURE_TENANT_ID und AZURE_CLIENT_ID).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Client secret of %1: </source>
        <translation>Geheimer Clientschlüssel von %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No client secret: set AZURE_CLIENT_SECRET or type it when asked.</source>
        <translation>Kein geheimer Clientschlüssel: Setzen Sie AZURE_CLIENT_SECRET, oder geben Sie ihn bei der Abfrage ein.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tenants of %1:</source>
        <translation>Mandanten von %1:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed in as %1: %2, home tenant %3.</source>
        <translation>Angemeldet als %1: %2, Basismandant %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was remembered (--session-only): the sign-in ends with this command.</source>
        <translation>Es wurde nichts gespeichert (--session-only): Die Anmeldung endet mit diesem Befehl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remembered: setup, show and list use the Azure CLI&apos;s login from now on; &quot;dps-setup logout&quot; forgets it.</source>
        <translation>Gespeichert: setup, show und list verwenden ab jetzt die Anmeldung der Azure CLI; „dps-setup logout“ entfernt sie wieder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remembered, with the sign-in kept in the OS keychain: setup, show and list use this account from now on; &quot;dps-setup logout&quot; forgets it.</source>
        <translation>Gespeichert, die Anmeldung liegt im Schlüsselbund des Betriebssystems: setup, show und list verwenden ab jetzt dieses Konto; „dps-setup logout“ entfernt es wieder.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not list the tenants: %1</source>
        <translation>Die Mandanten konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign in with your browser. If it does not open, open this address yourself:</source>
        <translation>Melden Sie sich im Browser an. Falls er sich nicht öffnet, öffnen Sie diese Adresse selbst:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To sign in, open %1 and enter the code %2.</source>
        <translation>Öffnen Sie zum Anmelden %1 und geben Sie den Code %2 ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling the sign-in.</source>
        <translation>Die Anmeldung wird abgebrochen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing can be remembered without a keychain. Run the command again with --session-only to sign in for this command only, or use a service principal through AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.</source>
        <translation>Ohne Schlüsselbund kann nichts gespeichert werden. Führen Sie den Befehl erneut mit --session-only aus, um sich nur für diesen Befehl anzumelden, oder verwenden Sie einen Dienstprinzipal über AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signs out: forgets the account and deletes its saved sign-in from the OS keychain. Without options, the last used account.</source>
        <translation>Meldet ab: Entfernt das Konto und löscht seine gespeicherte Anmeldung aus dem Schlüsselbund des Betriebssystems. Ohne Optionen das zuletzt verwendete Konto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out of every account.</source>
        <translation>Von allen Konten abmelden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account to sign out of (its ID or user name).</source>
        <translation>Das Konto, das abgemeldet werden soll (seine ID oder sein Benutzername).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log what happens on standard error.</source>
        <translation>Die Abläufe auf der Standardfehlerausgabe protokollieren.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No remembered account matches &apos;%1&apos; (see dps-setup account list).</source>
        <translation>Kein gespeichertes Konto passt zu „%1“ (siehe dps-setup account list).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Several accounts are remembered: name one with --account, or use --all (see dps-setup account list).</source>
        <translation>Es sind mehrere Konten gespeichert: Geben Sie eines mit --account an, oder verwenden Sie --all (siehe dps-setup account list).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No account is signed in.</source>
        <translation>Es ist kein Konto angemeldet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed out %1; its saved sign-in was deleted.</source>
        <translation>%1 wurde abgemeldet; die gespeicherte Anmeldung wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>dps-setup account list: the remembered accounts, their tenants (with a silent sign-in to each: &quot;needs sign-in&quot; for MFA or Conditional Access) and subscriptions.</source>
        <translation>dps-setup account list: die gespeicherten Konten, ihre Mandanten (mit einer stillen Anmeldung bei jedem: „Anmeldung erforderlich“ bei MFA oder bedingtem Zugriff) und Abonnements.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List the accounts.</source>
        <translation>Die Konten auflisten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print them as JSON on standard output.</source>
        <translation>Sie als JSON auf der Standardausgabe ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t ask Azure for the tenants (no network).</source>
        <translation>Azure nicht nach den Mandanten fragen (kein Netzwerk).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/core/cli/CommandLine.cpp" line="+1"/>
        <source>Log every HTTP request (redacted) on standard error.</source>
        <translation>Jede HTTP-Anforderung (geschwärzt) auf der Standardfehlerausgabe protokollieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usage: dps-setup account list [--json] [--no-tenants]</source>
        <translation>Verwendung: dps-setup account list [--json] [--no-tenants]</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1, cloud %2 (%3), home tenant %4, id %5</source>
        <translation>%1, Cloud %2 (%3), Basismandant %4, ID %5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>trusts the CA %1 for this cloud&apos;s endpoints</source>
        <translation>vertraut der Zertifizierungsstelle %1 für die Endpunkte dieser Cloud</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No accounts. Sign in with &quot;dps-setup login&quot;.</source>
        <translation>Keine Konten. Melden Sie sich mit „dps-setup login“ an.</translation>
    </message>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="+7"/>
        <source>Tenant of the subscription (default: the service principal&apos;s; with an account, the subscription&apos;s own tenant).</source>
        <translation>Mandant des Abonnements (Standard: der des Dienstprinzipals; bei einem Konto der eigene Mandant des Abonnements).</translation>
    </message>
    <message>
        <location filename="../app/core/cli/AccountCommands.cpp" line="-368"/>
        <location line="+4"/>
        <location filename="../app/core/cli/CommandLine.cpp" line="+0"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="+1"/>
        <source>Print the result as JSON on standard output.</source>
        <translation>Das Ergebnis als JSON auf der Standardausgabe ausgeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this remembered account (its ID or user name; see dps-setup account list).</source>
        <translation>Dieses gespeicherte Konto verwenden (seine ID oder sein Benutzername; siehe dps-setup account list).</translation>
    </message>
    <message>
        <location filename="../app/core/cli/AccountCommands.cpp" line="+236"/>
        <location filename="../app/core/cli/CommandLine.cpp" line="+0"/>
        <source>account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../app/core/cli/CommandLine.cpp" line="-109"/>
        <source>Using the remembered account %1: %2, tenant %3.</source>
        <translation>Das gespeicherte Konto %1 wird verwendet: %2, Mandant %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Using the service principal %1 of AZURE_CLIENT_ID, tenant %2.</source>
        <translation>Der Dienstprinzipal %1 aus AZURE_CLIENT_ID wird verwendet, Mandant %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Using the sandbox&apos;s service principal %1 (from its info file).</source>
        <translation>Der Dienstprinzipal %1 der Sandbox wird verwendet (aus ihrer Infodatei).</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>See --help for the options.</source>
        <translation>Die Optionen zeigt --help.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unexpected argument &apos;%1&apos;. Quote values that contain spaces; see --help.</source>
        <translation>Unerwartetes Argument „%1“. Setzen Sie Werte mit Leerzeichen in Anführungszeichen; siehe --help.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read the sandbox info file %1: %2</source>
        <translation>Die Sandbox-Infodatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not an arm-sandbox info file.</source>
        <translation>%1 ist keine Infodatei von arm-sandbox.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot start the embedded sandbox: %1</source>
        <translation>Die eingebettete Sandbox kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Using an embedded sandbox at %1 (demo world).</source>
        <translation>Eingebettete Sandbox unter %1 wird verwendet (Demowelt).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown cloud &apos;%1&apos;: use public, china, usgov, custom or sandbox.</source>
        <translation>Unbekannte Cloud „%1“: Verwenden Sie public, china, usgov, custom oder sandbox.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>AZURE_CLIENT_SECRET is ignored for the local sandbox: it is only sent to the cloud it belongs to.</source>
        <translation>AZURE_CLIENT_SECRET wird für die lokale Sandbox nicht verwendet: Es wird nur an die Cloud gesendet, zu der es gehört.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No remembered account matches &apos;%1&apos;. Sign in with &quot;dps-setup login&quot;; &quot;dps-setup account list&quot; shows the accounts.</source>
        <translation>Kein gespeichertes Konto passt zu „%1“. Melden Sie sich mit „dps-setup login“ an; „dps-setup account list“ zeigt die Konten an.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The account %1 belongs to another cloud (%2 at %3). Leave out --cloud to use its cloud, or sign in to this one with &quot;dps-setup login&quot;.</source>
        <translation>Das Konto %1 gehört zu einer anderen Cloud (%2 unter %3). Lassen Sie --cloud weg, um dessen Cloud zu verwenden, oder melden Sie sich mit „dps-setup login“ bei dieser Cloud an.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Not signed in: run &quot;dps-setup login&quot; (browser, device code, service principal or Azure CLI), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET to a service principal (as for the Azure CLI and SDKs), or use --cloud sandbox.</source>
        <translation>Nicht angemeldet: Führen Sie „dps-setup login“ aus (Browser, Gerätecode, Dienstprinzipal oder Azure CLI), setzen Sie AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET auf die Daten eines Dienstprinzipals (wie für die Azure CLI und die SDKs), oder verwenden Sie --cloud sandbox.</translation>
    </message>
</context>
<context>
    <name>Dps::Http::BearerTokenPolicy</name>
    <message>
        <location filename="../app/core/http/BearerTokenPolicy.cpp" line="+29"/>
        <source>Refusing to send credentials to %1 over plain http: https is required for every host except this computer (loopback).</source>
        <translation>Anmeldeinformationen werden nicht über unverschlüsseltes http an %1 gesendet: Für jeden Host außer diesem Computer (Loopback) ist https erforderlich.</translation>
    </message>
</context>
<context>
    <name>Dps::Http::QnamTransport</name>
    <message>
        <location filename="../app/core/http/QnamTransport.cpp" line="+83"/>
        <source>The network is not available (the application is shutting down).</source>
        <translation>Das Netzwerk ist nicht verfügbar (die Anwendung wird beendet).</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
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
        <translation>Die Anforderung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Dps::Identity::Account</name>
    <message>
        <location filename="../app/core/identity/AccountStore.cpp" line="+69"/>
        <source>browser sign-in</source>
        <translation>Anmeldung im Browser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>device code sign-in</source>
        <translation>Anmeldung mit Gerätecode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>service principal</source>
        <translation>Dienstprinzipal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Azure CLI login</source>
        <translation>Azure CLI-Anmeldung</translation>
    </message>
</context>
<context>
    <name>Dps::Identity::AccountManager</name>
    <message>
        <location filename="../app/core/identity/AccountManager.cpp" line="+569"/>
        <source>No keychain is available. You can stay signed in for this session only.</source>
        <translation>Es ist kein Schlüsselbund verfügbar. Sie können nur für diese Sitzung angemeldet bleiben.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The sign-in service sent no refresh token (offline_access was not granted), so DPS Setup cannot stay signed in. Check the app registration&apos;s permissions.</source>
        <translation>Der Anmeldedienst hat kein Aktualisierungstoken gesendet (offline_access wurde nicht gewährt), daher kann die DPS-Einrichtung nicht angemeldet bleiben. Prüfen Sie die Berechtigungen der App-Registrierung.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client secret</source>
        <translation>geheimer Clientschlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A service principal needs a tenant ID, a client ID and a client secret; missing: %1.</source>
        <translation>Ein Dienstprinzipal benötigt eine Mandanten-ID, eine Client-ID und einen geheimen Clientschlüssel; fehlend: %1.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The Azure CLI (az) was not found. Install it and run &quot;az login&quot;, or choose another way to sign in.</source>
        <translation>Die Azure CLI (az) wurde nicht gefunden. Installieren Sie sie und führen Sie „az login“ aus, oder wählen Sie eine andere Anmeldemethode.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Azure CLI login</source>
        <translation>Azure CLI-Anmeldung</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="-808"/>
        <location line="+892"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-921"/>
        <source>You can stay signed in for this session only.</source>
        <translation>Sie können nur für diese Sitzung angemeldet bleiben.</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>No keychain is available.</source>
        <translation>Es ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No saved sign-in for %1 was found in the keychain. Sign in again.</source>
        <translation>Im Schlüsselbund wurde keine gespeicherte Anmeldung für %1 gefunden. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+759"/>
        <source>%1 is signed out, but its saved sign-in could not be deleted from the keychain: %2</source>
        <translation>%1 ist abgemeldet, aber die gespeicherte Anmeldung konnte nicht aus dem Schlüsselbund gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>Dps::Identity::AuthError</name>
    <message>
        <location filename="../app/core/identity/AuthError.cpp" line="+77"/>
        <source>The client secret is wrong. Use the secret&apos;s value (not its ID) from the app registration&apos;s &quot;Certificates &amp; secrets&quot; page, or create a new secret.</source>
        <translation>Der geheime Clientschlüssel ist falsch. Verwenden Sie den Wert des geheimen Schlüssels (nicht seine ID) von der Seite „Zertifikate &amp; Geheimnisse“ der App-Registrierung, oder erstellen Sie einen neuen geheimen Schlüssel.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The client secret has expired. Create a new secret on the app registration&apos;s &quot;Certificates &amp; secrets&quot; page and use its value.</source>
        <translation>Der geheime Clientschlüssel ist abgelaufen. Erstellen Sie auf der Seite „Zertifikate &amp; Geheimnisse“ der App-Registrierung einen neuen geheimen Schlüssel und verwenden Sie dessen Wert.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The Azure CLI (az) is not installed, or it is not on the PATH. Install it, or sign in another way.</source>
        <translation>Die Azure CLI (az) ist nicht installiert oder nicht im PATH. Installieren Sie sie, oder melden Sie sich auf andere Weise an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Azure CLI is not signed in: run az login (with --tenant and the tenant ID for another tenant), then try again.</source>
        <translation>Die Azure CLI ist nicht angemeldet: Führen Sie az login aus (für einen anderen Mandanten mit --tenant und der Mandanten-ID) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Azure CLI did not answer within %1 s. Run az account get-access-token in a terminal to see what it is waiting for.</source>
        <translation>Die Azure CLI hat nicht innerhalb von %1 s geantwortet. Führen Sie az account get-access-token in einem Terminal aus, um zu sehen, worauf sie wartet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Azure CLI could not get a token: %1</source>
        <translation>Die Azure CLI konnte kein Token abrufen: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The app registration is not a public client, so it wants a client secret. For a browser or device code sign-in, set &quot;Allow public client flows&quot; to Yes on the app registration&apos;s &quot;Authentication&quot; page; for a service principal, enter the secret&apos;s value.</source>
        <translation>Die App-Registrierung ist kein öffentlicher Client und verlangt daher einen geheimen Clientschlüssel. Für eine Anmeldung im Browser oder mit Gerätecode setzen Sie auf der Seite „Authentifizierung“ der App-Registrierung „Öffentliche Clientflows zulassen“ auf „Ja“; für einen Dienstprinzipal geben Sie den Wert des geheimen Schlüssels ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This client ID belongs to a public client, which must not send a client secret. Sign in with the browser or a device code, or use the service principal&apos;s own client ID.</source>
        <translation>Diese Client-ID gehört zu einem öffentlichen Client, der keinen geheimen Clientschlüssel senden darf. Melden Sie sich im Browser oder mit einem Gerätecode an, oder verwenden Sie die eigene Client-ID des Dienstprinzipals.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No application with this client ID exists in the tenant. Check the client (application) ID and the tenant ID: the app must be registered in, or consented to by, that tenant. To use your own app registration, register it as a public client with the redirect URI http://localhost (see &quot;Your own app registration&quot; in the README).</source>
        <translation>Im Mandanten gibt es keine Anwendung mit dieser Client-ID. Prüfen Sie die Client-ID (Anwendungs-ID) und die Mandanten-ID: Die App muss in diesem Mandanten registriert sein oder dort eine Einwilligung erhalten haben. Um Ihre eigene App-Registrierung zu verwenden, registrieren Sie sie als öffentlichen Client mit dem Umleitungs-URI http://localhost (siehe „Your own app registration“ in der README).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The app registration does not accept this app&apos;s redirect address. Add the redirect URI http://localhost under &quot;Mobile and desktop applications&quot; on the app registration&apos;s &quot;Authentication&quot; page.</source>
        <translation>Die App-Registrierung akzeptiert die Umleitungsadresse dieser App nicht. Fügen Sie auf der Seite „Authentifizierung“ der App-Registrierung unter „Mobile Anwendungen und Desktopanwendungen“ den Umleitungs-URI http://localhost hinzu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tenant was not found. Check the tenant ID (a GUID) or its domain name, and that you chose the right cloud.</source>
        <translation>Der Mandant wurde nicht gefunden. Prüfen Sie die Mandanten-ID (eine GUID) oder den Domänennamen des Mandanten und ob Sie die richtige Cloud gewählt haben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A Conditional Access policy of this tenant blocked the sign-in. Ask the tenant&apos;s administrator what the policy requires (for example a managed device or a trusted location).</source>
        <translation>Eine Richtlinie für bedingten Zugriff dieses Mandanten hat die Anmeldung blockiert. Fragen Sie den Administrator des Mandanten, was die Richtlinie verlangt (zum Beispiel ein verwaltetes Gerät oder einen vertrauenswürdigen Standort).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This tenant requires you to set up multi-factor authentication. Sign in with the browser to register a method, then try again.</source>
        <translation>Dieser Mandant verlangt, dass Sie die mehrstufige Authentifizierung einrichten. Melden Sie sich im Browser an, um eine Methode zu registrieren, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This tenant requires multi-factor authentication. Sign in to this tenant interactively with the browser.</source>
        <translation>Dieser Mandant erfordert mehrstufige Authentifizierung. Melden Sie sich interaktiv im Browser bei diesem Mandanten an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The application has not been granted access to Azure Resource Manager in this tenant. Sign in interactively to consent, or ask an administrator to grant consent.</source>
        <translation>Der Anwendung wurde in diesem Mandanten kein Zugriff auf Azure Resource Manager gewährt. Melden Sie sich interaktiv an, um einzuwilligen, oder bitten Sie einen Administrator, die Einwilligung zu erteilen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in service rejected the requested permission (scope). Check the cloud settings: the ARM scope must end in /.default.</source>
        <translation>Der Anmeldedienst hat die angeforderte Berechtigung (Bereich) abgelehnt. Prüfen Sie die Cloudeinstellungen: Der ARM-Bereich muss auf /.default enden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The device code expired before the sign-in was finished. Start the sign-in again and enter the new code.</source>
        <translation>Der Gerätecode ist abgelaufen, bevor die Anmeldung abgeschlossen war. Starten Sie die Anmeldung erneut und geben Sie den neuen Code ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in was declined on the device login page. Start it again if that was a mistake.</source>
        <translation>Die Anmeldung wurde auf der Geräteanmeldeseite abgelehnt. Starten Sie sie erneut, falls das ein Versehen war.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in service did not recognise the device code. Start the sign-in again.</source>
        <translation>Der Anmeldedienst hat den Gerätecode nicht erkannt. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in was cancelled in the browser, or the requested permissions were declined. Sign in again and accept them to continue.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen, oder die angeforderten Berechtigungen wurden abgelehnt. Melden Sie sich erneut an und akzeptieren Sie die Berechtigungen, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sign-in was not completed in the browser within %1 s. Try again, or sign in with a device code if the browser cannot reach this computer.</source>
        <translation>Die Anmeldung wurde nicht innerhalb von %1 s im Browser abgeschlossen. Versuchen Sie es erneut, oder melden Sie sich mit einem Gerätecode an, falls der Browser diesen Computer nicht erreichen kann.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The browser returned an answer that does not belong to this sign-in, so it was rejected for your safety. Start the sign-in again.</source>
        <translation>Der Browser hat eine Antwort zurückgegeben, die nicht zu dieser Anmeldung gehört; sie wurde zu Ihrer Sicherheit abgelehnt. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The app could not wait for the browser&apos;s answer on this computer (%1). Sign in with a device code instead.</source>
        <translation>Die App konnte auf diesem Computer nicht auf die Antwort des Browsers warten (%1). Melden Sie sich stattdessen mit einem Gerätecode an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not reach the sign-in service (%1). Check the network connection and proxy settings, then try again.</source>
        <translation>Der Anmeldedienst ist nicht erreichbar (%1). Prüfen Sie die Netzwerkverbindung und die Proxyeinstellungen und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sign-in address %1 does not use https. Secrets are only sent over https, or to this computer (loopback).</source>
        <translation>Die Anmeldeadresse %1 verwendet kein https. Geheimnisse werden nur über https oder an diesen Computer (Loopback) gesendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a tenant ID or domain name. Enter the tenant&apos;s GUID or a domain such as contoso.onmicrosoft.com.</source>
        <translation>„%1“ ist weder eine Mandanten-ID noch ein Domänenname. Geben Sie die GUID des Mandanten oder eine Domäne wie contoso.onmicrosoft.com ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service principal&apos;s credentials were rejected. Check the client ID and the client secret.</source>
        <translation>Die Anmeldeinformationen des Dienstprinzipals wurden abgelehnt. Prüfen Sie die Client-ID und den geheimen Clientschlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This application may not sign in this way in this tenant. Check the app registration (client ID, tenant, and whether it is a public or a confidential client).</source>
        <translation>Diese Anwendung darf sich in diesem Mandanten nicht auf diese Weise anmelden. Prüfen Sie die App-Registrierung (Client-ID, Mandant und ob es sich um einen öffentlichen oder vertraulichen Client handelt).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your sign-in has expired or was revoked. Sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This tenant requires an interactive sign-in. Sign in with the browser.</source>
        <translation>Dieser Mandant erfordert eine interaktive Anmeldung. Melden Sie sich im Browser an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in service is busy or unavailable. Try again in a few minutes.</source>
        <translation>Der Anmeldedienst ist ausgelastet oder nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in service sent an answer the app does not understand (%1).</source>
        <translation>Der Anmeldedienst hat eine Antwort gesendet, die die App nicht versteht (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in failed: %1</source>
        <translation>Die Anmeldung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sign-in failed (%1).</source>
        <translation>Die Anmeldung ist fehlgeschlagen (%1).</translation>
    </message>
</context>
<context>
    <name>Dps::Identity::BrowserSignIn</name>
    <message>
        <location filename="../app/core/identity/BrowserSignIn.cpp" line="+234"/>
        <source>Sign-in to DPS Setup failed</source>
        <translation>Anmeldung bei der DPS-Einrichtung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can close this tab and return to DPS Setup.</source>
        <translation>Sie können diesen Tab schließen und zur DPS-Einrichtung zurückkehren.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in to DPS Setup. You can close this tab.</source>
        <translation>Bei der DPS-Einrichtung angemeldet. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+16"/>
        <source>Bad request</source>
        <translation>Ungültige Anforderung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not supported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign-in already finished</source>
        <translation>Anmeldung bereits abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sign-in has already finished. You can close this tab.</source>
        <translation>Diese Anmeldung ist bereits abgeschlossen. Sie können diesen Tab schließen.</translation>
    </message>
</context>
<context>
    <name>Dps::Identity::DeviceCodeSignIn</name>
    <message>
        <location filename="../app/core/identity/DeviceCodeSignIn.cpp" line="+111"/>
        <source>To sign in, open %1 in a browser and enter the code %2.</source>
        <translation>Öffnen Sie zum Anmelden %1 in einem Browser und geben Sie den Code %2 ein.</translation>
    </message>
</context>
<context>
    <name>Dps::Identity::EnvironmentCredential</name>
    <message>
        <location filename="../app/core/identity/EnvironmentCredential.cpp" line="+52"/>
        <source>AZURE_CLIENT_CERTIFICATE_PATH is set, but signing in with a certificate is not supported yet. Set AZURE_CLIENT_SECRET to the service principal&apos;s client secret.</source>
        <translation>AZURE_CLIENT_CERTIFICATE_PATH ist gesetzt, aber die Anmeldung mit einem Zertifikat wird noch nicht unterstützt. Setzen Sie AZURE_CLIENT_SECRET auf den geheimen Clientschlüssel des Dienstprinzipals.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To sign in with a service principal, set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET. Missing: %1.</source>
        <translation>Setzen Sie für die Anmeldung mit einem Dienstprinzipal AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET. Fehlend: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>AZURE_TENANT_ID (&quot;%1&quot;) is not a tenant ID or domain name.</source>
        <translation>AZURE_TENANT_ID („%1“) ist weder eine Mandanten-ID noch ein Domänenname.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The sign-in address &quot;%1&quot; (AZURE_AUTHORITY_HOST) must be an https URL such as https://login.microsoftonline.com/.</source>
        <translation>Die Anmeldeadresse „%1“ (AZURE_AUTHORITY_HOST) muss eine https-URL wie https://login.microsoftonline.com/ sein.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The sandbox&apos;s info file has no service principal.</source>
        <translation>Die Infodatei der Sandbox enthält keinen Dienstprinzipal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sandbox&apos;s info file has no usable authorityHost.</source>
        <translation>Die Infodatei der Sandbox enthält keinen verwendbaren authorityHost.</translation>
    </message>
</context>
<context>
    <name>Dps::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+130"/>
        <source>DPS Setup</source>
        <translation>DPS-Einrichtung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local sandbox — %1</source>
        <extracomment>Window title; %1 is the application&apos;s name, which must stay at the end.</extracomment>
        <translation>Lokale Sandbox — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main menu</source>
        <translation>Hauptmenü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About DPS Setup</source>
        <translation>Ü&amp;ber DPS-Einrichtung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DPS Setup logo</source>
        <translation>Logo der DPS-Einrichtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome to DPS Setup</source>
        <translation>Willkommen bei der DPS-Einrichtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This app guides you through setting up an Azure IoT Hub Device Provisioning Service without the Azure portal: sign in, create the provisioning service, create or pick an IoT hub, link the two and choose how devices are allocated to hubs.</source>
        <translation>Diese App ist eine geführte Einrichtung für einen Azure IoT Hub Device Provisioning Service, ganz ohne das Azure-Portal: Sie melden sich an, erstellen den Provisioning-Dienst, erstellen einen IoT-Hub oder wählen einen aus, verknüpfen beide und legen fest, wie Geräte den Hubs zugeordnet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome message</source>
        <translation>Willkommensnachricht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DPS Setup %1</source>
        <translation>DPS-Einrichtung %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sets up an Azure IoT Hub Device Provisioning Service and links it to IoT hubs, without the Azure portal. Built with Qt %1.</source>
        <translation>Richtet einen Azure IoT Hub Device Provisioning Service ein und verknüpft ihn mit IoT-Hubs, ohne das Azure-Portal. Erstellt mit Qt %1.</translation>
    </message>
</context>
<context>
    <name>Dps::Secrets::SecretError</name>
    <message>
        <location filename="../app/core/secrets/SecretError.cpp" line="+21"/>
        <source>No saved sign-in was found in the keychain. Sign in again.</source>
        <translation>Im Schlüsselbund wurde keine gespeicherte Anmeldung gefunden. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available (no Secret Service is running). You can stay signed in for this session only.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (es läuft kein Secret Service). Sie können nur für diese Sitzung angemeldet bleiben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain is locked. Unlock it and try again, or stay signed in for this session only.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn und versuchen Sie es erneut, oder bleiben Sie nur für diese Sitzung angemeldet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access to the keychain was denied. Allow DPS Setup to use the keychain and try again, or stay signed in for this session only.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert. Erlauben Sie der DPS-Einrichtung, den Schlüsselbund zu verwenden, und versuchen Sie es erneut, oder bleiben Sie nur für diese Sitzung angemeldet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The keychain could not be used.</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain could not be used: %1</source>
        <extracomment>%1 is the keychain&apos;s own error message (often English)</extracomment>
        <translation>Der Schlüsselbund konnte nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>Dps::Services::AzureService</name>
    <message>
        <location filename="../app/core/services/AzureService.cpp" line="+551"/>
        <source>&quot;%1&quot; is not a valid access policy name: use 1 to 64 letters, digits, hyphens, underscores or periods.</source>
        <translation>„%1“ ist kein gültiger Name für eine Zugriffsrichtlinie: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, Bindestriche, Unterstriche oder Punkte.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The IoT hub &quot;%1&quot; already has a policy &quot;%2&quot; with the rights &quot;%3&quot;; linking needs RegistryWrite and ServiceConnect. Choose another name for the new policy.</source>
        <translation>Der IoT-Hub „%1“ hat bereits eine Richtlinie „%2“ mit den Rechten „%3“; für die Verknüpfung sind RegistryWrite und ServiceConnect erforderlich. Wählen Sie einen anderen Namen für die neue Richtlinie.</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+58"/>
        <location line="+122"/>
        <source>The allocation weight must be a whole number from 0 to 1000.</source>
        <translation>Die Zuordnungsgewichtung muss eine ganze Zahl von 0 bis 1000 sein.</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>The IoT hub &quot;%1&quot; is not ready (state %2, provisioning %3). Wait until it is active, then link it.</source>
        <translation>Der IoT-Hub „%1“ ist nicht bereit (Status %2, Bereitstellung %3). Warten Sie, bis er aktiv ist, und verknüpfen Sie ihn dann.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The IoT hub &quot;%1&quot; does not allow shared access policies (local authentication is disabled), which linking needs. Allow them on the hub, or choose another hub.</source>
        <translation>Der IoT-Hub „%1“ lässt keine freigegebenen Zugriffsrichtlinien zu (die lokale Authentifizierung ist deaktiviert), die für die Verknüpfung erforderlich sind. Lassen Sie sie auf dem Hub zu, oder wählen Sie einen anderen Hub aus.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The IoT hub &quot;%1&quot; is already linked to the provisioning service &quot;%2&quot;.</source>
        <translation>Der IoT-Hub „%1“ ist bereits mit dem Provisioning-Dienst „%2“ verknüpft.</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>The access policy &quot;%1&quot; of IoT hub &quot;%2&quot; has the rights &quot;%3&quot;; linking needs RegistryWrite and ServiceConnect. Choose another policy, such as iothubowner.</source>
        <translation>Die Zugriffsrichtlinie „%1“ des IoT-Hubs „%2“ hat die Rechte „%3“; für die Verknüpfung sind RegistryWrite und ServiceConnect erforderlich. Wählen Sie eine andere Richtlinie aus, zum Beispiel iothubowner.</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>The IoT hub &quot;%1&quot; is not linked to the provisioning service &quot;%2&quot;.</source>
        <translation>Der IoT-Hub „%1“ ist nicht mit dem Provisioning-Dienst „%2“ verknüpft.</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>&quot;%1&quot; is not an allocation policy. Choose Hashed (evenly weighted), GeoLatency (lowest latency) or Static.</source>
        <translation>„%1“ ist keine Zuordnungsrichtlinie. Wählen Sie Hashed (gleichmäßig gewichtet), GeoLatency (niedrigste Latenz) oder Static.</translation>
    </message>
</context>
<context>
    <name>Dps::Setup</name>
    <message>
        <location filename="../app/core/setup/SetupPlan.cpp" line="+89"/>
        <source>Microsoft.Devices registration</source>
        <translation>Registrierung von Microsoft.Devices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microsoft.Devices registration of the hub&apos;s subscription</source>
        <translation>Registrierung von Microsoft.Devices im Abonnement des Hubs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource group</source>
        <translation>Ressourcengruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource group of the IoT hub</source>
        <translation>Ressourcengruppe des IoT-Hubs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device Provisioning Service</source>
        <translation>Device Provisioning Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub</source>
        <translation>IoT-Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the IoT hub to the DPS</source>
        <translation>IoT-Hub mit dem DPS verknüpfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation policy</source>
        <translation>Zuordnungsrichtlinie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already done</source>
        <translation>Bereits erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not started (an earlier step failed)</source>
        <translation>Nicht gestartet (ein vorheriger Schritt ist fehlgeschlagen)</translation>
    </message>
    <message>
        <location filename="../app/core/setup/Plan.cpp" line="+18"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Lowest latency</source>
        <translation>Geringste Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Static configuration</source>
        <translation>Statische Konfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evenly weighted distribution</source>
        <translation>Gleichmäßig gewichtete Verteilung</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>The IoT hub is in the DPS&apos;s subscription.</source>
        <translation>Der IoT-Hub liegt im Abonnement des DPS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft.Devices is registered in the subscription %1.</source>
        <translation>Microsoft.Devices ist im Abonnement %1 registriert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register the resource provider Microsoft.Devices in the subscription %1 (it takes a minute or two).</source>
        <translation>Den Ressourcenanbieter Microsoft.Devices im Abonnement %1 registrieren (dauert ein bis zwei Minuten).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Microsoft.Devices: from %1 to Registered</source>
        <translation>Microsoft.Devices: von %1 zu Registered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register Microsoft.Devices in the subscription %1</source>
        <translation>Microsoft.Devices im Abonnement %1 registrieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until Microsoft.Devices is registered</source>
        <translation>Warten, bis Microsoft.Devices registriert ist</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The IoT hub goes into the DPS&apos;s resource group.</source>
        <translation>Der IoT-Hub kommt in die Ressourcengruppe des DPS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the existing resource group &apos;%1&apos;.</source>
        <translation>Die vorhandene Ressourcengruppe „%1“ verwenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create the resource group &apos;%1&apos; in %2.</source>
        <translation>Die Ressourcengruppe „%1“ in %2 erstellen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <location line="+35"/>
        <source>Region: %1</source>
        <translation>Region: %1</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Create the resource group &apos;%1&apos;</source>
        <translation>Die Ressourcengruppe „%1“ erstellen</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Create the Device Provisioning Service &apos;%1&apos; (S1, %n unit(s)) in %2 with the allocation policy %3.</source>
        <translation>
            <numerusform>Den Device Provisioning Service „%1“ (S1, %n Einheit) in %2 mit der Zuordnungsrichtlinie %3 erstellen.</numerusform>
            <numerusform>Den Device Provisioning Service „%1“ (S1, %n Einheiten) in %2 mit der Zuordnungsrichtlinie %3 erstellen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Tier: S1, %n unit(s)</source>
        <translation>
            <numerusform>Tarif: S1, %n Einheit</numerusform>
            <numerusform>Tarif: S1, %n Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allocation policy: %1</source>
        <translation>Zuordnungsrichtlinie: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the DPS &apos;%1&apos; with the allocation policy %2, then wait until it is active</source>
        <translation>Den DPS „%1“ mit der Zuordnungsrichtlinie %2 erstellen und warten, bis er aktiv ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the new DPS (ID scope, endpoints)</source>
        <translation>Den neuen DPS lesen (ID-Bereich, Endpunkte)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wait until the DPS is active</source>
        <translation>Warten, bis der DPS aktiv ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the existing Device Provisioning Service &apos;%1&apos;.</source>
        <translation>Den vorhandenen Device Provisioning Service „%1“ verwenden.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Create the IoT hub &apos;%1&apos; (%2, %n unit(s), %3 partitions) in %4.</source>
        <translation>
            <numerusform>Den IoT-Hub „%1“ (%2, %n Einheit, %3 Partitionen) in %4 erstellen.</numerusform>
            <numerusform>Den IoT-Hub „%1“ (%2, %n Einheiten, %3 Partitionen) in %4 erstellen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It goes into the subscription %1.</source>
        <translation>Er kommt in das Abonnement %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Tier: %1, %n unit(s)</source>
        <translation>
            <numerusform>Tarif: %1, %n Einheit</numerusform>
            <numerusform>Tarif: %1, %n Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device-to-cloud partitions: %1</source>
        <translation>Partitionen für Gerät-zu-Cloud-Nachrichten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the IoT hub &apos;%1&apos;, then wait until it is active</source>
        <translation>Den IoT-Hub „%1“ erstellen und warten, bis er aktiv ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the new IoT hub (host name)</source>
        <translation>Den neuen IoT-Hub lesen (Hostname)</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Wait for the DPS &apos;%1&apos;, which Azure is still creating or updating (Azure says: %2), then use it.</source>
        <translation>Auf den DPS „%1“ warten, den Azure noch erstellt oder aktualisiert (Azure meldet: %2), dann ihn verwenden.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Wait for the IoT hub &apos;%1&apos;, which Azure is still creating or updating (Azure says: %2), then use it.</source>
        <translation>Auf den IoT-Hub „%1“ warten, den Azure noch erstellt oder aktualisiert (Azure meldet: %2), dann ihn verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait until the IoT hub is active</source>
        <translation>Warten, bis der IoT-Hub aktiv ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the existing IoT hub &apos;%1&apos;.</source>
        <translation>Den vorhandenen IoT-Hub „%1“ verwenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the existing IoT hub &apos;%1&apos; of the subscription %2.</source>
        <translation>Den vorhandenen IoT-Hub „%1“ des Abonnements %2 verwenden.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Replace the link to &apos;%1&apos;, which still holds the key of a deleted IoT hub of that name, with a link to the new hub (access policy &apos;%2&apos;, allocation weight %3, apply allocation policy: %4)</source>
        <translation>Die Verknüpfung mit „%1“, die noch den Schlüssel eines gelöschten IoT-Hubs dieses Namens enthält, durch eine Verknüpfung mit dem neuen Hub ersetzen (Zugriffsrichtlinie „%2“, Zuordnungsgewichtung %3, Zuordnungsrichtlinie anwenden: %4)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Link the IoT hub &apos;%1&apos; with its access policy &apos;%2&apos;, allocation weight %3, apply allocation policy: %4</source>
        <translation>Den IoT-Hub „%1“ mit seiner Zugriffsrichtlinie „%2“ verknüpfen, Zuordnungsgewichtung %3, Zuordnungsrichtlinie anwenden: %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change the allocation weight of the link to &apos;%1&apos; from %2 to %3</source>
        <translation>Die Zuordnungsgewichtung der Verknüpfung mit „%1“ von %2 auf %3 ändern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change &apos;apply allocation policy&apos; of the link to &apos;%1&apos; from no to yes</source>
        <translation>„Zuordnungsrichtlinie anwenden“ der Verknüpfung mit „%1“ von nein auf ja ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &apos;apply allocation policy&apos; of the link to &apos;%1&apos; from yes to no</source>
        <translation>„Zuordnungsrichtlinie anwenden“ der Verknüpfung mit „%1“ von ja auf nein ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the allocation policy from %1 to %2</source>
        <translation>Die Zuordnungsrichtlinie von %1 auf %2 ändern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add the access policy &apos;%1&apos; with only RegistryWrite and ServiceConnect to the IoT hub &apos;%2&apos;</source>
        <translation>Die Zugriffsrichtlinie „%1“ nur mit RegistryWrite und ServiceConnect zum IoT-Hub „%2“ hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the hub&apos;s access policies (kept in memory only)</source>
        <translation>Die Zugriffsrichtlinien des Hubs lesen (nur im Arbeitsspeicher)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the access policy &apos;%1&apos; to the IoT hub &apos;%2&apos;</source>
        <translation>Die Zugriffsrichtlinie „%1“ zum IoT-Hub „%2“ hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the key of the access policy &apos;%1&apos; (kept in memory only)</source>
        <translation>Den Schlüssel der Zugriffsrichtlinie „%1“ lesen (nur im Arbeitsspeicher)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>Read the DPS again just before changing it (what changed meanwhile is kept)</source>
        <translation>Den DPS unmittelbar vor der Änderung erneut lesen (was sich inzwischen geändert hat, bleibt erhalten)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Link the IoT hub &apos;%1&apos; to the DPS &apos;%2&apos; with its access policy &apos;%3&apos;, allocation weight %4, apply allocation policy: %5.</source>
        <translation>Den IoT-Hub „%1“ mit dem DPS „%2“ verknüpfen, mit seiner Zugriffsrichtlinie „%3“, Zuordnungsgewichtung %4, Zuordnungsrichtlinie anwenden: %5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change the link of the IoT hub &apos;%1&apos; to the DPS &apos;%2&apos;.</source>
        <translation>Die Verknüpfung des IoT-Hubs „%1“ mit dem DPS „%2“ ändern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The allocation policy changes in the same update.</source>
        <translation>Die Zuordnungsrichtlinie ändert sich in derselben Aktualisierung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update the DPS &apos;%1&apos;: the link and the allocation policy in one request</source>
        <translation>Den DPS „%1“ aktualisieren: Verknüpfung und Zuordnungsrichtlinie in einer Anfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the DPS &apos;%1&apos;: the link</source>
        <translation>Den DPS „%1“ aktualisieren: die Verknüpfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the IoT hub to the new DPS &apos;%1&apos;</source>
        <translation>Den IoT-Hub mit dem neuen DPS „%1“ verknüpfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>Wait until the DPS is active again</source>
        <translation>Warten, bis der DPS wieder aktiv ist</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The IoT hub &apos;%1&apos; is already linked to the DPS with allocation weight %2 and apply allocation policy: %3. Nothing to change.</source>
        <translation>Der IoT-Hub „%1“ ist bereits mit Zuordnungsgewichtung %2 und „Zuordnungsrichtlinie anwenden“: %3 mit dem DPS verknüpft. Nichts zu ändern.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The new DPS gets the allocation policy %1 when it is created.</source>
        <translation>Der neue DPS erhält die Zuordnungsrichtlinie %1 bei seiner Erstellung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep the allocation policy %1.</source>
        <translation>Die Zuordnungsrichtlinie %1 beibehalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The allocation policy changes with the link, in one update of the DPS.</source>
        <translation>Die Zuordnungsrichtlinie ändert sich mit der Verknüpfung, in einer Aktualisierung des DPS.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Update the DPS &apos;%1&apos;: the allocation policy</source>
        <translation>Den DPS „%1“ aktualisieren: die Zuordnungsrichtlinie</translation>
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
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The name has %n characters; a name can have at most 50.</source>
        <translation>
            <numerusform>Der Name hat %n Zeichen; ein Name darf höchstens 50 haben.</numerusform>
            <numerusform>Der Name hat %n Zeichen; ein Name darf höchstens 50 haben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name must be 3 to 50 characters long.</source>
        <translation>Der Name muss 3 bis 50 Zeichen lang sein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only letters, digits and hyphens; start and end with a letter or digit, and don&apos;t use only digits.</source>
        <translation>Verwenden Sie nur Buchstaben, Ziffern und Bindestriche; beginnen und enden Sie mit einem Buchstaben oder einer Ziffer, und verwenden Sie nicht nur Ziffern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter a name for the resource group.</source>
        <translation>Geben Sie einen Namen für die Ressourcengruppe ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A resource group name can have at most 90 characters.</source>
        <translation>Der Name einer Ressourcengruppe darf höchstens 90 Zeichen lang sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use only letters, digits, underscores, hyphens, periods and parentheses.</source>
        <translation>Verwenden Sie nur Buchstaben, Ziffern, Unterstriche, Bindestriche, Punkte und Klammern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A resource group name cannot end with a period.</source>
        <translation>Der Name einer Ressourcengruppe darf nicht auf einen Punkt enden.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Choose a subscription first; the name is checked in it.</source>
        <translation>Wählen Sie zuerst ein Abonnement; der Name wird darin geprüft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in first; the name is checked in your subscription.</source>
        <translation>Melden Sie sich zuerst an; der Name wird in Ihrem Abonnement geprüft.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+25"/>
        <source>The name &apos;%1&apos; is taken by another DPS; choose another name.</source>
        <translation>Der Name „%1“ ist bereits von einem anderen DPS belegt; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <source>The name &apos;%1&apos; is taken by another IoT hub; choose another name.</source>
        <translation>Der Name „%1“ ist bereits von einem anderen IoT-Hub belegt; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The DPS &apos;%1&apos; already exists in resource group &apos;%2&apos;; it will be used as it is.</source>
        <translation>Der DPS „%1“ existiert bereits in der Ressourcengruppe „%2“; er wird unverändert verwendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IoT hub &apos;%1&apos; already exists in resource group &apos;%2&apos;; it will be used as it is.</source>
        <translation>Der IoT-Hub „%1“ existiert bereits in der Ressourcengruppe „%2“; er wird unverändert verwendet.</translation>
    </message>
    <message>
        <location filename="../app/core/setup/SetupControllerIdentity.cpp" line="+128"/>
        <source>This build cannot start a sandbox.</source>
        <translation>Dieser Build kann keine Sandbox starten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sandbox did not start: %1</source>
        <translation>Die Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The sandbox&apos;s description is incomplete; start it again.</source>
        <translation>Die Beschreibung der Sandbox ist unvollständig; starten Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the sandbox&apos;s service principal</source>
        <translation>Dienstprinzipal der Sandbox</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Only an account of a person can sign in to another tenant; sign in with your browser first.</source>
        <translation>Nur das Konto einer Person kann sich bei einem weiteren Mandanten anmelden; melden Sie sich zuerst mit Ihrem Browser an.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The settings file %1 cannot be read, so the choices of your last session are not restored (and today&apos;s may not be kept). Check that it is a readable and writable file.</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen werden, daher werden die Angaben Ihrer letzten Sitzung nicht wiederhergestellt (und die heutigen werden womöglich nicht gespeichert). Prüfen Sie, ob es eine lesbare und beschreibbare Datei ist.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The choices remembered from your last session could not be read and were reset; the wizard starts with its defaults.</source>
        <translation>Die gespeicherten Angaben Ihrer letzten Sitzung konnten nicht gelesen werden und wurden zurückgesetzt; der Assistent beginnt mit seinen Standardwerten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record of your last run cannot be read (%1). Apply looks at what Azure holds and creates only what is missing, but cannot pick up an operation that was still running; check the file&apos;s permissions.</source>
        <translation>Das Protokoll Ihres letzten Durchlaufs kann nicht gelesen werden (%1). „Anwenden“ prüft, was in Azure vorhanden ist, und erstellt nur, was fehlt, kann aber einen noch laufenden Vorgang nicht fortsetzen; prüfen Sie die Berechtigungen der Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The record of your last run could not be read and was set aside (%1). Apply looks at what Azure holds and creates only what is missing.</source>
        <translation>Das Protokoll Ihres letzten Durchlaufs konnte nicht gelesen werden und wurde beiseitegelegt (%1). „Anwenden“ prüft, was in Azure vorhanden ist, und erstellt nur, was fehlt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your last setup (DPS &apos;%1&apos;, IoT hub &apos;%2&apos;) stopped before it finished. Sign in and go on to Review: Apply finishes it without creating anything twice.</source>
        <translation>Ihre letzte Einrichtung (DPS „%1“, IoT-Hub „%2“) wurde vor dem Ende angehalten. Melden Sie sich an und gehen Sie weiter bis zur Überprüfung: „Anwenden“ schließt sie ab, ohne etwas doppelt zu erstellen.</translation>
    </message>
</context>
<context>
    <name>Dps::Setup::SetupEngine</name>
    <message>
        <location filename="../app/core/setup/SetupEngine.cpp" line="+171"/>
        <source>This setup (DPS &apos;%1&apos;, IoT hub &apos;%2&apos;) is running in another DPS Setup (process %3). Wait until it has finished, then try again: nothing is done twice.</source>
        <translation>Diese Einrichtung (DPS „%1“, IoT-Hub „%2“) läuft bereits in einer anderen DPS-Einrichtung (Prozess %3). Warten Sie, bis sie fertig ist, und versuchen Sie es dann erneut: Nichts wird doppelt ausgeführt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The lock of this setup (%1) cannot be created: check that the folder can be written.</source>
        <translation>Die Sperrdatei dieser Einrichtung (%1) kann nicht angelegt werden: Prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Use 3 to 50 letters, digits and hyphens; start with a letter or digit, end with a letter or digit, and don&apos;t use only digits.</source>
        <translation>Verwenden Sie 3 bis 50 Buchstaben, Ziffern und Bindestriche; der Name muss mit einem Buchstaben oder einer Ziffer beginnen und enden und darf nicht nur aus Ziffern bestehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No subscription is chosen.</source>
        <translation>Es ist kein Abonnement ausgewählt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the subscription for the DPS.</source>
        <translation>Wählen Sie das Abonnement für den DPS aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>The resource group name &apos;%1&apos; is not valid.</source>
        <translation>Der Ressourcengruppenname „%1“ ist ungültig.</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Use 1 to 90 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;, &apos;(&apos; or &apos;)&apos;, not ending with a period.</source>
        <translation>Verwenden Sie 1 bis 90 Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;, &apos;(&apos; oder &apos;)&apos;; der Name darf nicht auf einen Punkt enden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DPS name &apos;%1&apos; is not valid.</source>
        <translation>Der DPS-Name „%1“ ist ungültig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The IoT hub name &apos;%1&apos; is not valid.</source>
        <translation>Der IoT-Hub-Name „%1“ ist ungültig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No region is chosen for the new resources.</source>
        <translation>Für die neuen Ressourcen ist keine Region ausgewählt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Choose a region, for example westeurope.</source>
        <translation>Wählen Sie eine Region aus, zum Beispiel westeurope.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No region is chosen for the new IoT hub.</source>
        <translation>Für den neuen IoT-Hub ist keine Region ausgewählt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not an allocation policy.</source>
        <translation>„%1“ ist keine Zuordnungsrichtlinie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose Hashed (evenly weighted distribution), GeoLatency (lowest latency) or Static (static configuration).</source>
        <translation>Wählen Sie Hashed (gleichmäßig gewichtete Verteilung), GeoLatency (niedrigste Latenz) oder Static (statische Konfiguration).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The allocation weight %1 is out of range.</source>
        <translation>Die Zuordnungsgewichtung %1 liegt außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a weight from 1 to 1000.</source>
        <translation>Verwenden Sie eine Gewichtung von 1 bis 1000.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not an IoT hub tier.</source>
        <translation>„%1“ ist kein IoT-Hub-Tarif.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose F1, B1, B2, B3, S1, S2 or S3.</source>
        <translation>Wählen Sie F1, B1, B2, B3, S1, S2 oder S3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 hubs can have 1 to %2 units, not %3.</source>
        <translation>%1-Hubs können 1 bis %2 Einheiten haben, nicht %3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a number of units in that range.</source>
        <translation>Wählen Sie eine Anzahl von Einheiten in diesem Bereich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 partitions are not possible for a %2 hub.</source>
        <translation>%1 Partitionen sind für einen %2-Hub nicht möglich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free hubs have exactly 2 partitions.</source>
        <translation>Kostenlose Hubs haben genau 2 Partitionen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose 2 to 128 partitions.</source>
        <translation>Wählen Sie 2 bis 128 Partitionen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new hub has no policy &apos;%1&apos; with the rights DPS needs.</source>
        <translation>Ein neuer Hub hat keine Richtlinie „%1“ mit den Rechten, die der DPS benötigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the policy iothubowner for a new hub.</source>
        <translation>Verwenden Sie für einen neuen Hub die Richtlinie iothubowner.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A DPS can have 1 to 10 units, not %1.</source>
        <translation>Ein DPS kann 1 bis 10 Einheiten haben, nicht %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose 1 to 10 units.</source>
        <translation>Wählen Sie 1 bis 10 Einheiten.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Subscription &apos;%1&apos; is enabled.</source>
        <translation>Das Abonnement „%1“ ist aktiviert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription &apos;%1&apos; is %2; nothing can be created in it.</source>
        <translation>Das Abonnement „%1“ hat den Status %2; darin kann nichts erstellt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an enabled subscription, or re-enable this one in the Azure portal.</source>
        <translation>Wählen Sie ein aktiviertes Abonnement aus, oder aktivieren Sie dieses im Azure-Portal wieder.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Microsoft.Devices is registered in subscription %1.</source>
        <translation>Microsoft.Devices ist im Abonnement %1 registriert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microsoft.Devices is not registered in subscription %1 (state: %2); the plan registers it first.</source>
        <translation>Microsoft.Devices ist im Abonnement %1 nicht registriert (Status: %2); der Plan registriert es zuerst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resource provider Microsoft.Devices is not registered in subscription %1 (state: %2).</source>
        <translation>Der Ressourcenanbieter Microsoft.Devices ist im Abonnement %1 nicht registriert (Status: %2).</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Resource group &apos;%1&apos; exists.</source>
        <translation>Die Ressourcengruppe „%1“ existiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The resource group &apos;%1&apos; does not exist.</source>
        <translation>Die Ressourcengruppe „%1“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an existing resource group, or let DPS Setup create a new one.</source>
        <translation>Wählen Sie eine vorhandene Ressourcengruppe aus, oder lassen Sie die DPS-Einrichtung eine neue erstellen.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The DPS &apos;%1&apos; exists but its last operation failed.</source>
        <translation>Der DPS „%1“ existiert, aber sein letzter Vorgang ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DPS &apos;%1&apos; exists and will be used.</source>
        <translation>Der DPS „%1“ existiert und wird verwendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the DPS &apos;%1&apos; and run the setup again, or choose another name.</source>
        <translation>Löschen Sie den DPS „%1“ und führen Sie die Einrichtung erneut aus, oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The DPS &apos;%1&apos; does not exist in resource group &apos;%2&apos;.</source>
        <translation>Der DPS „%1“ existiert nicht in der Ressourcengruppe „%2“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an existing DPS, or let DPS Setup create a new one.</source>
        <translation>Wählen Sie einen vorhandenen DPS aus, oder lassen Sie die DPS-Einrichtung einen neuen erstellen.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The name &apos;%1&apos; is available for the DPS.</source>
        <translation>Der Name „%1“ ist für den DPS verfügbar.</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Register it: with Fix it here, or on the command line with --register-provider, which registers it as part of the setup. It takes a minute or two.</source>
        <translation>Registrieren Sie es: hier mit „Beheben“ oder in der Befehlszeile mit --register-provider, das es als Teil der Einrichtung registriert. Das dauert ein bis zwei Minuten.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The resource group &apos;%1&apos; will be created.</source>
        <translation>Die Ressourcengruppe „%1“ wird erstellt.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The name &apos;%1&apos; is checked when Microsoft.Devices is registered.</source>
        <translation>Der Name „%1“ wird geprüft, sobald Microsoft.Devices registriert ist.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The DPS name &apos;%1&apos; is already taken: %2</source>
        <translation>Der DPS-Name „%1“ ist bereits vergeben: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DPS names are global across Azure; choose another name.</source>
        <translation>DPS-Namen gelten global in ganz Azure; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The IoT hub &apos;%1&apos; exists but its last operation failed.</source>
        <translation>Der IoT-Hub „%1“ existiert, aber sein letzter Vorgang ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the IoT hub &apos;%1&apos; and run the setup again, or choose another hub.</source>
        <translation>Löschen Sie den IoT-Hub „%1“ und führen Sie die Einrichtung erneut aus, oder wählen Sie einen anderen Hub aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The IoT hub &apos;%1&apos; does not allow shared access policies (local authentication is disabled).</source>
        <translation>Der IoT-Hub „%1“ lässt keine freigegebenen Zugriffsrichtlinien zu (die lokale Authentifizierung ist deaktiviert).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow shared access policies on the hub, or choose another hub.</source>
        <translation>Lassen Sie freigegebene Zugriffsrichtlinien auf dem Hub zu, oder wählen Sie einen anderen Hub aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The IoT hub &apos;%1&apos; exists and will be used.</source>
        <translation>Der IoT-Hub „%1“ existiert und wird verwendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The policy &apos;%1&apos; has RegistryWrite and ServiceConnect.</source>
        <translation>Die Richtlinie „%1“ hat RegistryWrite und ServiceConnect.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The policy &apos;%1&apos; has the rights &apos;%2&apos;; linking needs RegistryWrite and ServiceConnect.</source>
        <translation>Die Richtlinie „%1“ hat die Rechte „%2“; für die Verknüpfung sind RegistryWrite und ServiceConnect erforderlich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Choose iothubowner or another policy with RegistryWrite and ServiceConnect.</source>
        <translation>Wählen Sie iothubowner oder eine andere Richtlinie mit RegistryWrite und ServiceConnect aus.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The policy &apos;%1&apos; will be created on the hub with RegistryWrite and ServiceConnect only.</source>
        <translation>Die Richtlinie „%1“ wird auf dem Hub nur mit RegistryWrite und ServiceConnect erstellt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The IoT hub has no access policy &apos;%1&apos;.</source>
        <translation>Der IoT-Hub hat keine Zugriffsrichtlinie „%1“.</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The IoT hub &apos;%1&apos; does not exist in resource group &apos;%2&apos;.</source>
        <translation>Der IoT-Hub „%1“ existiert nicht in der Ressourcengruppe „%2“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an existing IoT hub, or let DPS Setup create a new one.</source>
        <translation>Wählen Sie einen vorhandenen IoT-Hub aus, oder lassen Sie die DPS-Einrichtung einen neuen erstellen.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The name &apos;%1&apos; is available for the IoT hub.</source>
        <translation>Der Name „%1“ ist für den IoT-Hub verfügbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IoT hub name &apos;%1&apos; is already taken: %2</source>
        <translation>Der IoT-Hub-Name „%1“ ist bereits vergeben: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub names are global across Azure; choose another name.</source>
        <translation>IoT-Hub-Namen gelten global in ganz Azure; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The subscription has no free hub yet.</source>
        <translation>Das Abonnement hat noch keinen kostenlosen Hub.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The subscription already has a free (F1) IoT hub, &apos;%1&apos;; only one is allowed per subscription.</source>
        <translation>Das Abonnement hat bereits einen kostenlosen IoT-Hub (F1), „%1“; pro Abonnement ist nur einer erlaubt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a paid tier such as S1 or B1, use the existing free hub, or delete it first.</source>
        <translation>Wählen Sie einen kostenpflichtigen Tarif wie S1 oder B1, verwenden Sie den vorhandenen kostenlosen Hub, oder löschen Sie ihn zuerst.</translation>
    </message>
    <message>
        <location line="+89"/>
        <location line="+19"/>
        <source>DPS and IoT Hub are offered in %1.</source>
        <translation>DPS und IoT Hub werden in %1 angeboten.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>DPS and IoT Hub are not offered in the region &apos;%1&apos;.</source>
        <translation>DPS und IoT Hub werden in der Region „%1“ nicht angeboten.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Choose one of these regions: %1.</source>
        <translation>Wählen Sie eine dieser Regionen aus: %1.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>What is in Azure changed since the plan was reviewed, and Apply would now make changes you have not seen: %1. Nothing was changed; look at the new plan first.</source>
        <translation>Was in Azure vorhanden ist, hat sich seit der Überprüfung des Plans geändert, und „Anwenden“ würde jetzt Änderungen vornehmen, die Sie nicht gesehen haben: %1. Es wurde nichts geändert; sehen Sie sich zuerst den neuen Plan an.</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>Azure reports the operation on &apos;%1&apos; as %2.</source>
        <translation>Azure meldet für den Vorgang an „%1“ den Status %2.</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::ApplyPage</name>
    <message>
        <location filename="../ui/wizard/ApplyPage.cpp" line="+40"/>
        <source>%1 s</source>
        <extracomment>Elapsed time of a step, in seconds with one decimal.</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creating what is missing. Steps that don&apos;t depend on each other run at the same time.</source>
        <translation>Was fehlt, wird erstellt. Schritte, die nicht voneinander abhängen, laufen gleichzeitig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Setup steps and their progress</source>
        <translation>Einrichtungsschritte und ihr Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Azure reports</source>
        <translation>Meldung von Azure</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the setup</source>
        <translation>Einrichtung stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops waiting and starts nothing new; what Azure is already doing finishes there.</source>
        <translation>Beendet das Warten und startet nichts Neues; was Azure bereits ausführt, wird dort abgeschlossen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Everything is in place. Press Next for the ID scope and the endpoints your devices need.</source>
        <translation>Alles ist eingerichtet. Klicken Sie auf „Weiter“, um den ID-Bereich und die Endpunkte zu sehen, die Ihre Geräte benötigen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Working… You can leave this window open; each step shows what Azure reports.</source>
        <translation>In Arbeit… Sie können dieses Fenster geöffnet lassen; jeder Schritt zeigt, was Azure meldet.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup was stopped. What was created stays in Azure; Retry continues where it stopped.</source>
        <translation>Die Einrichtung wurde gestoppt. Was bereits erstellt wurde, bleibt in Azure erhalten; „Erneut versuchen“ macht dort weiter, wo sie gestoppt wurde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A step failed; the others were stopped or finished.</source>
        <translation>Ein Schritt ist fehlgeschlagen; die anderen wurden gestoppt oder abgeschlossen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Registering Microsoft.Devices in the subscription %1 failed.</source>
        <translation>Die Registrierung von Microsoft.Devices im Abonnement %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Creating the resource group &apos;%1&apos; failed.</source>
        <translation>Das Erstellen der Ressourcengruppe „%1“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creating the DPS &apos;%1&apos; failed.</source>
        <translation>Das Erstellen des DPS „%1“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading the DPS &apos;%1&apos; failed.</source>
        <translation>Das Lesen des DPS „%1“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Creating the IoT hub &apos;%1&apos; failed.</source>
        <translation>Das Erstellen des IoT-Hubs „%1“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading the IoT hub &apos;%1&apos; failed.</source>
        <translation>Das Lesen des IoT-Hubs „%1“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Linking the IoT hub &apos;%1&apos; to the DPS &apos;%2&apos; failed.</source>
        <translation>Das Verknüpfen des IoT-Hubs „%1“ mit dem DPS „%2“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setting the allocation policy of the DPS &apos;%1&apos; failed.</source>
        <translation>Das Festlegen der Zuordnungsrichtlinie des DPS „%1“ ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Azure changed since Review. Nothing was changed.</source>
        <translation>Azure hat sich seit der Überprüfung geändert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plan as it is now:
%1</source>
        <translation>Der Plan, wie er jetzt ist:
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply the &amp;new plan</source>
        <translation>&amp;Neuen Plan anwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fix what the message says, then press Retry: it continues where the run stopped and creates nothing twice.</source>
        <translation>Beheben Sie das in der Meldung beschriebene Problem und klicken Sie dann auf „Erneut versuchen“: Die Ausführung macht dort weiter, wo sie angehalten hat, und erstellt nichts doppelt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Delete it and try again</source>
        <translation>&amp;Löschen und erneut versuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleting the failed resource, then checking again…</source>
        <translation>Die fehlgeschlagene Ressource wird gelöscht, danach wird erneut geprüft…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 What to do: %2</source>
        <translation>%1 Abhilfe: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete and create again?</source>
        <translation>Löschen und neu erstellen?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register &amp;Microsoft.Devices</source>
        <translation>&amp;Microsoft.Devices registrieren</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+17"/>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::DonePage</name>
    <message>
        <location filename="../ui/wizard/DonePage.cpp" line="+58"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your provisioning service is linked to the IoT hub. Devices need the ID scope and the global device endpoint to provision.</source>
        <translation>Ihr Provisioning-Dienst ist mit dem IoT-Hub verknüpft. Für die Bereitstellung benötigen Geräte den ID-Bereich und den globalen Geräteendpunkt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID scope</source>
        <translation>ID-Bereich</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Service endpoint</source>
        <translation>Dienstendpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Global device endpoint</source>
        <translation>Globaler Geräteendpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub host name</source>
        <translation>Hostname des IoT-Hubs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the ID scope</source>
        <translation>ID-Bereich kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the service endpoint</source>
        <translation>Dienstendpunkt kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the global device endpoint</source>
        <translation>Globalen Geräteendpunkt kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the IoT hub host name</source>
        <translation>Hostname des IoT-Hubs kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy &amp;device settings</source>
        <translation>Geräteeinstellungen &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy device settings</source>
        <translation>Geräteeinstellungen kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As &amp;text</source>
        <translation>Als &amp;Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As &amp;JSON</source>
        <translation>Als &amp;JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As &amp;environment variables</source>
        <translation>Als &amp;Umgebungsvariablen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copies the settings a device needs as text. Alt+Down (or the arrow) offers JSON and environment variables.</source>
        <translation>Kopiert die Einstellungen, die ein Gerät braucht, als Text. Alt+Pfeil nach unten (oder der Pfeil) bietet JSON und Umgebungsvariablen an.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open the &amp;provisioning service in the Azure portal</source>
        <translation>&amp;Provisioning-Dienst im Azure-Portal öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the provisioning service in the Azure portal</source>
        <translation>Provisioning-Dienst im Azure-Portal öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the IoT hub in the &amp;Azure portal</source>
        <translation>IoT-H&amp;ub im Azure-Portal öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the IoT hub in the Azure portal</source>
        <translation>IoT-Hub im Azure-Portal öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These resources live in the local sandbox, so there is no Azure portal page for them.</source>
        <translation>Diese Ressourcen existieren nur in der lokalen Sandbox, daher gibt es für sie keine Seite im Azure-Portal.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;ID scope:</source>
        <translation>&amp;ID-Bereich:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service endpoint:</source>
        <translation>&amp;Dienstendpunkt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Global device endpoint:</source>
        <translation>&amp;Globaler Geräteendpunkt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub &amp;host name:</source>
        <translation>&amp;Hostname des IoT-Hubs:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device settings are the ID scope and the global device endpoint, as text, JSON or environment variables for the Azure IoT device SDK samples.</source>
        <translation>Die Geräteeinstellungen sind der ID-Bereich und der globale Geräteendpunkt, als Text, als JSON oder als Umgebungsvariablen für die Beispiele der Azure IoT Device SDKs.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>ID scope: %1
Global device endpoint: %2
</source>
        <extracomment>Device settings copied as plain text; keep the values (%1, %2) on their own lines.</extracomment>
        <translation>ID-Bereich: %1
Globaler Geräteendpunkt: %2
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copied as JSON</source>
        <translation>Als JSON kopiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied as environment variables</source>
        <translation>Als Umgebungsvariablen kopiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied as text</source>
        <translation>Als Text kopiert</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::DpsPage</name>
    <message>
        <location filename="../ui/wizard/DpsPage.cpp" line="+22"/>
        <source>Device Provisioning Service</source>
        <translation>Device Provisioning Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provisioning service tells each device, the first time it starts, which IoT hub to connect to.</source>
        <translation>Der Provisioning-Dienst teilt jedem Gerät beim ersten Start mit, mit welchem IoT-Hub es sich verbinden soll.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a ne&amp;w provisioning service</source>
        <translation>&amp;Neuen Provisioning-Dienst erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing provisioning service</source>
        <translation>&amp;Vorhandenen Provisioning-Dienst verwenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Provisioning service name</source>
        <translation>Name des Provisioning-Dienstes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pricing tier</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S1 – Standard</source>
        <translation>S1 – Standard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Existing provisioning service</source>
        <translation>Vorhandener Provisioning-Dienst</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name becomes part of the service&apos;s address, so it must be unique across Azure: 3 to 50 letters, digits and hyphens.</source>
        <translation>Der Name wird Teil der Adresse des Dienstes und muss daher in ganz Azure eindeutig sein: 3 bis 50 Buchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pricing &amp;tier:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Units:</source>
        <translation>&amp;Einheiten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (resource group %2, %3)</source>
        <translation>%1 (Ressourcengruppe %2, %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This subscription has no provisioning service yet.</source>
        <translation>Dieses Abonnement hat noch keinen Provisioning-Dienst.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Loading the provisioning services of this subscription…</source>
        <translation>Die Provisioning-Dienste dieses Abonnements werden geladen…</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::IotHubPage</name>
    <message>
        <location filename="../ui/wizard/IotHubPage.cpp" line="+31"/>
        <source>F1 – Free</source>
        <translation>F1 – Free</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 – Basic</source>
        <translation>%1 – Basic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 – Standard</source>
        <translation>%1 – Standard</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free: 8,000 messages a day, one unit, two partitions; one free hub per subscription. For trying things out.</source>
        <translation>Free-Tarif: 8.000 Nachrichten pro Tag, eine Einheit, zwei Partitionen; ein kostenloser Hub pro Abonnement. Zum Ausprobieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic: 400,000 messages a day per unit; devices can only send. No cloud-to-device messages, device twins or direct methods.</source>
        <translation>Basic-Tarif: 400.000 Nachrichten pro Tag und Einheit; Geräte können nur senden. Keine Cloud-zu-Gerät-Nachrichten, Gerätezwillinge oder direkten Methoden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic: 6 million messages a day per unit; devices can only send. No cloud-to-device messages, device twins or direct methods.</source>
        <translation>Basic-Tarif: 6 Millionen Nachrichten pro Tag und Einheit; Geräte können nur senden. Keine Cloud-zu-Gerät-Nachrichten, Gerätezwillinge oder direkten Methoden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic: 300 million messages a day per unit, at most 10 units; devices can only send.</source>
        <translation>Basic-Tarif: 300 Millionen Nachrichten pro Tag und Einheit, höchstens 10 Einheiten; Geräte können nur senden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard: 400,000 messages a day per unit, with cloud-to-device messages, device twins, direct methods and routing. The usual choice.</source>
        <translation>Standard-Tarif: 400.000 Nachrichten pro Tag und Einheit, mit Cloud-zu-Gerät-Nachrichten, Gerätezwillingen, direkten Methoden und Routing. Die übliche Wahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standard: 6 million messages a day per unit, with every IoT Hub feature.</source>
        <translation>Standard-Tarif: 6 Millionen Nachrichten pro Tag und Einheit, mit allen Funktionen von IoT Hub.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard: 300 million messages a day per unit, at most 10 units, with every IoT Hub feature.</source>
        <translation>Standard-Tarif: 300 Millionen Nachrichten pro Tag und Einheit, höchstens 10 Einheiten, mit allen Funktionen von IoT Hub.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>IoT hub</source>
        <translation>IoT-Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices send their data to an IoT hub. Create one, or use one you have, from this or another subscription.</source>
        <translation>Geräte senden ihre Daten an einen IoT-Hub. Erstellen Sie einen, oder verwenden Sie einen vorhandenen aus diesem oder einem anderen Abonnement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscription of the IoT hub</source>
        <translation>Abonnement des IoT-Hubs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a ne&amp;w IoT hub</source>
        <translation>&amp;Neuen IoT-Hub erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing IoT hub</source>
        <translation>&amp;Vorhandenen IoT-Hub verwenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IoT hub name</source>
        <translation>Name des IoT-Hubs</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pricing and scale tier</source>
        <translation>Tarif und Skalierung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device-to-cloud partitions</source>
        <translation>Gerät-zu-Cloud-Partitionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many readers can process device messages in parallel. It cannot be changed later.</source>
        <translation>Wie viele Leser Gerätenachrichten parallel verarbeiten können. Der Wert kann später nicht mehr geändert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resource group of the new IoT hub</source>
        <translation>Ressourcengruppe des neuen IoT-Hubs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. iot-provisioning</source>
        <translation>z. B. iot-provisioning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IoT hub region</source>
        <translation>Region des IoT-Hubs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Existing IoT hub</source>
        <translation>Vorhandener IoT-Hub</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tier:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Units:</source>
        <translation>&amp;Einheiten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Partitions:</source>
        <translation>&amp;Partitionen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Subs&amp;cription:</source>
        <translation>A&amp;bonnement:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Resource group:</source>
        <translation>&amp;Ressourcengruppe:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hub:</source>
        <translation>&amp;Hub:</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (%2, resource group %3, %4)</source>
        <translation>%1 (%2, Ressourcengruppe %3, %4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+178"/>
        <source>This subscription has no IoT hub yet.</source>
        <translation>Dieses Abonnement hat noch keinen IoT-Hub.</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>The regions of this subscription could not be listed.</source>
        <translation>Die Regionen dieses Abonnements konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether this subscription can hold IoT resources could not be checked.</source>
        <translation>Ob dieses Abonnement IoT-Ressourcen enthalten kann, konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try aga&amp;in</source>
        <translation>Erneut vers&amp;uchen</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 (same as the DPS)</source>
        <translation>%1 (dasselbe wie beim DPS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Loading the IoT hubs of this subscription…</source>
        <translation>Die IoT-Hubs dieses Abonnements werden geladen…</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+10"/>
        <source>Registering Microsoft.Devices in this subscription. This usually takes a minute…</source>
        <translation>Microsoft.Devices wird in diesem Abonnement registriert. Das dauert meist etwa eine Minute…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>This subscription is not registered for IoT resources yet (the resource provider Microsoft.Devices is %1), so it has no IoT hub. Register it now, or go on with a new hub: Apply registers it first (a minute or two).</source>
        <translation>Dieses Abonnement ist noch nicht für IoT-Ressourcen registriert (der Ressourcenanbieter Microsoft.Devices ist %1), daher hat es keinen IoT-Hub. Registrieren Sie es jetzt, oder fahren Sie mit einem neuen Hub fort: „Anwenden“ registriert es zuerst (ein bis zwei Minuten).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not registered</source>
        <translation>nicht registriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register &amp;Microsoft.Devices</source>
        <translation>&amp;Microsoft.Devices registrieren</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Existing resource group.</source>
        <translation>Vorhandene Ressourcengruppe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new resource group &apos;%1&apos; will be created in %2.</source>
        <translation>Eine neue Ressourcengruppe „%1“ wird in %2 erstellt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hub&apos;s region</source>
        <translation>der Region des Hubs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The resource groups could not be listed (%1). If &apos;%2&apos; does not exist, it will be created.</source>
        <translation>Die Ressourcengruppen konnten nicht aufgelistet werden (%1). Falls „%2“ nicht existiert, wird sie erstellt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the resource groups of this subscription…</source>
        <translation>Die Ressourcengruppen dieses Abonnements werden geladen…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Whether this subscription already has its free hub could not be checked: %1</source>
        <translation>Ob dieses Abonnement schon seinen kostenlosen Hub hat, konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking whether this subscription already has its free hub…</source>
        <translation>Es wird geprüft, ob dieses Abonnement bereits seinen kostenlosen Hub hat…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This subscription already has its one free hub, &apos;%1&apos;. Choose B1 or S1, or use &apos;%1&apos; as an existing hub.</source>
        <translation>Dieses Abonnement hat bereits seinen einzigen kostenlosen Hub: „%1“. Wählen Sie B1 oder S1, oder verwenden Sie „%1“ als vorhandenen Hub.</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::LinkPage</name>
    <message>
        <location filename="../ui/wizard/LinkPolicyPages.cpp" line="+26"/>
        <source>Link the IoT hub</source>
        <translation>IoT-Hub verknüpfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The provisioning service registers devices in the hub with one of the hub&apos;s access policies.</source>
        <translation>Der Provisioning-Dienst registriert Geräte im Hub mithilfe einer der Zugriffsrichtlinien des Hubs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing access policy</source>
        <translation>&amp;Vorhandene Zugriffsrichtlinie verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a &amp;dedicated policy with only the permissions linking needs</source>
        <translation>&amp;Eigene Richtlinie nur mit den Berechtigungen erstellen, die die Verknüpfung benötigt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name of the new access policy</source>
        <translation>Name der neuen Zugriffsrichtlinie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access policy</source>
        <translation>Zugriffsrichtlinie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allocation weight</source>
        <translation>Zuordnungsgewichtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;pply allocation policy</source>
        <translation>Zuordnungsrichtlinie &amp;anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply allocation policy</source>
        <translation>Zuordnungsrichtlinie anwenden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Access policy:</source>
        <translation>Zugriffs&amp;richtlinie:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only policies with the RegistryWrite and ServiceConnect permissions can link a hub.</source>
        <translation>Nur Richtlinien mit den Berechtigungen RegistryWrite und ServiceConnect können einen Hub verknüpfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Polic&amp;y name:</source>
        <translation>&amp;Name der Richtlinie:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provisioning service then holds a key that can only register devices, not the hub owner&apos;s key. Apply adds the policy to the hub.</source>
        <translation>Der Provisioning-Dienst erhält dann einen Schlüssel, der nur Geräte registrieren kann, und nicht den Schlüssel des Hub-Besitzers. „Anwenden“ fügt die Richtlinie zum Hub hinzu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Allocation &amp;weight:</source>
        <translation>Zuordnungs&amp;gewichtung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With evenly weighted distribution, a hub with weight 2 gets twice as many devices as a hub with weight 1.</source>
        <translation>Bei gleichmäßig gewichteter Verteilung erhält ein Hub mit Gewichtung 2 doppelt so viele Geräte wie ein Hub mit Gewichtung 1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When it is off, the allocation policy skips this hub; only enrollments that name it send devices there.</source>
        <translation>Ist die Option deaktiviert, übergeht die Zuordnungsrichtlinie diesen Hub; nur Registrierungen, die ihn ausdrücklich nennen, leiten Geräte dorthin.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub &apos;%1&apos; has no access policy with RegistryWrite and ServiceConnect. Add one to the hub, or choose another hub.</source>
        <translation>Der Hub „%1“ hat keine Zugriffsrichtlinie mit RegistryWrite und ServiceConnect. Fügen Sie dem Hub eine hinzu, oder wählen Sie einen anderen Hub aus.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter a name for the new policy.</source>
        <translation>Geben Sie einen Namen für die neue Richtlinie ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use up to 64 letters, digits, hyphens, underscores or periods.</source>
        <translation>Verwenden Sie bis zu 64 Buchstaben, Ziffern, Bindestriche, Unterstriche oder Punkte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is one of the hub&apos;s built-in policies; choose a name of your own.</source>
        <translation>„%1“ ist eine der integrierten Richtlinien des Hubs; wählen Sie einen eigenen Namen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The IoT hub &apos;%1&apos; is already linked to the DPS &apos;%2&apos; with allocation weight %3 and apply allocation policy %4. Apply changes the link only where you change these; its access policy stays as it is.</source>
        <translation>Der IoT-Hub „%1“ ist bereits mit dem DPS „%2“ verknüpft, mit Zuordnungsgewichtung %3 und „Zuordnungsrichtlinie anwenden“ %4. „Anwenden“ ändert die Verknüpfung nur dort, wo Sie diese Werte ändern; ihre Zugriffsrichtlinie bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (RegistryWrite, ServiceConnect, DeviceConnect, RegistryRead)</source>
        <translation>%1 (RegistryWrite, ServiceConnect, DeviceConnect, RegistryRead)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new hub comes with the iothubowner policy, which has the permissions linking needs.</source>
        <translation>Ein neuer Hub hat die Richtlinie iothubowner, die die für die Verknüpfung nötigen Berechtigungen besitzt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the hub&apos;s access policies…</source>
        <translation>Die Zugriffsrichtlinien des Hubs werden geladen…</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::MessageBanner</name>
    <message>
        <location filename="../ui/widgets/MessageBanner.cpp" line="+32"/>
        <source>Cop&amp;y details</source>
        <translation>&amp;Details kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the error details</source>
        <translation>Fehlerdetails kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the error code, message and request ids, for a support request.</source>
        <translation>Kopiert den Fehlercode, die Meldung und die Anforderungs-IDs für eine Supportanfrage.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1

What to do: %2</source>
        <translation>%1

Abhilfe: %2</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::NameChecker</name>
    <message>
        <location filename="../ui/wizard/NameChecker.cpp" line="+27"/>
        <source>&apos;%1&apos; is available.</source>
        <translation>„%1“ ist verfügbar.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking whether &apos;%1&apos; is free…</source>
        <translation>Es wird geprüft, ob „%1“ frei ist…</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::PolicyPage</name>
    <message>
        <location filename="../ui/wizard/LinkPolicyPages.cpp" line="+27"/>
        <source>Allocation policy</source>
        <translation>Zuordnungsrichtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the provisioning service chooses a hub for each new device, when more than one hub is linked.</source>
        <translation>Wie der Provisioning-Dienst für jedes neue Gerät einen Hub auswählt, wenn mehr als ein Hub verknüpft ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Evenly weighted distribution (recommended)</source>
        <translation>&amp;Gleichmäßig gewichtete Verteilung (empfohlen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lowest latency</source>
        <translation>&amp;Niedrigste Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Static configuration</source>
        <translation>&amp;Statische Konfiguration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Devices are spread over the linked hubs in proportion to their allocation weights.</source>
        <translation>Geräte werden auf die verknüpften Hubs verteilt, im Verhältnis zu deren Zuordnungsgewichtungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each device goes to the linked hub with the lowest latency to it, usually the nearest one.</source>
        <translation>Jedes Gerät wird dem verknüpften Hub mit der niedrigsten Latenz zugeordnet, meist dem nächstgelegenen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each device goes to the hub named in its enrollment; the allocation policy does not choose.</source>
        <translation>Jedes Gerät wird dem Hub zugeordnet, der in seiner Registrierung angegeben ist; die Zuordnungsrichtlinie trifft keine Auswahl.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The DPS &apos;%1&apos; currently uses %2. Choosing another policy changes how it assigns every device that registers from now on.</source>
        <translation>Der DPS „%1“ verwendet derzeit %2. Eine andere Richtlinie ändert, wie er jedes Gerät zuordnet, das sich ab jetzt registriert.</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::ReviewPage</name>
    <message>
        <location filename="../ui/wizard/ReviewPage.cpp" line="+48"/>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checks before applying</source>
        <translation>Prüfungen vor dem Anwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Azure Resource Manager calls</source>
        <translation>Azure Resource Manager-Aufrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>C&amp;hecks:</source>
        <translation>&amp;Prüfungen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Azure Resource Manager &amp;calls Apply makes (changes in bold):</source>
        <translation>Die A&amp;ufrufe an Azure Resource Manager, die „Anwenden“ ausführt (Änderungen fett):</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+128"/>
        <source>Chec&amp;k again</source>
        <translation>E&amp;rneut prüfen</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>Nothing has been changed in Azure yet. The plan below compares your choices with what Azure holds; Apply makes exactly these changes.</source>
        <translation>In Azure wurde noch nichts geändert. Der Plan unten vergleicht Ihre Auswahl mit dem, was Azure enthält; „Anwenden“ nimmt genau diese Änderungen vor.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Nothing to do: everything in Azure is already as you chose. Apply changes nothing.</source>
        <translation>Nichts zu tun: In Azure ist bereits alles wie gewählt. „Anwenden“ ändert nichts.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New:</source>
        <translation>Neu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes to existing resources (before → after):</source>
        <translation>Änderungen an vorhandenen Ressourcen (vorher → nachher):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged:</source>
        <translation>Unverändert:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading what exists in Azure to make the plan…</source>
        <translation>Es wird gelesen, was in Azure vorhanden ist, um den Plan zu erstellen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An earlier run of this plan stopped before it finished. Apply continues where it stopped; nothing is created twice.</source>
        <translation>Eine frühere Ausführung dieses Plans wurde vor ihrem Abschluss beendet. „Anwenden“ macht dort weiter, wo sie angehalten hat; nichts wird doppelt erstellt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking names, subscriptions and permissions in Azure…</source>
        <translation>Namen, Abonnements und Berechtigungen werden in Azure geprüft…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The plan is made once the checks pass.</source>
        <translation>Der Plan wird erstellt, sobald die Prüfungen bestanden sind.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Fix it</source>
        <translation>&amp;Beheben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix: %1</source>
        <translation>Beheben: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fixing, then checking again…</source>
        <translation>Wird behoben, danach wird erneut geprüft…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete and create again?</source>
        <translation>Löschen und neu erstellen?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 What to do: %2</source>
        <extracomment>A failed check, then what to do about it.</extracomment>
        <translation>%1 Abhilfe: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some checks failed. Go back and change the plan, or fix what is listed, then check again.</source>
        <translation>Einige Prüfungen sind fehlgeschlagen. Gehen Sie zurück und ändern Sie den Plan, oder beheben Sie die aufgeführten Probleme, und prüfen Sie dann erneut.</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::SetupWizard</name>
    <message>
        <location filename="../ui/wizard/SetupWizard.cpp" line="+19"/>
        <source>DPS Setup</source>
        <translation>DPS-Einrichtung</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Setup steps</source>
        <translation>Einrichtungsschritte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provisioning service</source>
        <translation>Provisioning-Dienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoT hub</source>
        <translation>IoT-Hub</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Verknüpfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Allocation policy</source>
        <translation>Zuordnungsrichtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. %2</source>
        <extracomment>A step in the list beside the wizard: &quot;3. Provisioning service&quot;.</extracomment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the setup</source>
        <translation>Einrichtung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the setup</source>
        <translation>Einrichtung schließen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>current step</source>
        <extracomment>Accessible description of the current step in the step list.</extracomment>
        <translation>aktueller Schritt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stop the setup?</source>
        <translation>Einrichtung stoppen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup is still running in Azure.</source>
        <translation>Die Einrichtung läuft in Azure noch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If you stop now, what has been created stays in Azure, and the next time you apply the same plan DPS Setup continues where it stopped instead of starting again.</source>
        <translation>Wenn Sie jetzt stoppen, bleibt das bereits Erstellte in Azure erhalten, und wenn Sie denselben Plan das nächste Mal anwenden, macht die DPS-Einrichtung dort weiter, wo sie gestoppt wurde, statt von vorn zu beginnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop and close</source>
        <translation>&amp;Stoppen und schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep running</source>
        <translation>&amp;Weiterlaufen lassen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Close the window?</source>
        <translation>Fenster schließen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup is not finished. Your choices so far are kept: the next start offers them again.</source>
        <translation>Die Einrichtung ist nicht abgeschlossen. Ihre bisherigen Angaben bleiben erhalten: Der nächste Start bietet sie wieder an.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::SignInPage</name>
    <message>
        <location filename="../ui/wizard/SignInPage.cpp" line="+62"/>
        <source>Sign in to Azure</source>
        <translation>Bei Azure anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DPS Setup works in the subscriptions of the account you sign in with. Nothing is changed in Azure until you have reviewed the whole plan.</source>
        <translation>Die DPS-Einrichtung arbeitet in den Abonnements des Kontos, mit dem Sie sich anmelden. In Azure wird nichts geändert, bevor Sie den gesamten Plan überprüft haben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tenants of the account</source>
        <translation>Mandanten des Kontos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No Azure account at hand?</source>
        <translation>Kein Azure-Konto zur Hand?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Try it without an Azure account</source>
        <translation>&amp;Ohne Azure-Konto ausprobieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try it without an Azure account</source>
        <translation>Ohne Azure-Konto ausprobieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts a local sandbox that behaves like Azure, with demo subscriptions. Nothing is created in Azure and no account is needed.</source>
        <translation>Startet eine lokale Sandbox mit Demo-Abonnements, die sich wie Azure verhält. In Azure wird nichts erstellt, und es ist kein Konto nötig.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Remembered accounts</source>
        <translation>Gespeicherte Konten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Use this account</source>
        <translation>Dieses Konto &amp;verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the selected account</source>
        <translation>Ausgewähltes Konto verwenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+51"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Azure (global)</source>
        <translation>Azure (global)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure operated by 21Vianet (China)</source>
        <translation>Azure, betrieben von 21Vianet (China)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure US Government</source>
        <translation>Azure US Government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom endpoint</source>
        <translation>Benutzerdefinierter Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resource Manager endpoint</source>
        <translation>Resource Manager-Endpunkt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-in authority</source>
        <translation>Anmeldeautorität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In my &amp;web browser (recommended)</source>
        <translation>In meinem &amp;Browser (empfohlen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With a &amp;code on another device</source>
        <translation>Mit einem &amp;Code auf einem anderen Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As a service &amp;principal (app ID and secret)</source>
        <translation>Als Dienst&amp;prinzipal (App-ID und Geheimnis)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With the Azure CLI&apos;s l&amp;ogin (az login)</source>
        <translation>Mit der Anmeldung der Azure CL&amp;I (az login)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant ID or domain, e.g. contoso.onmicrosoft.com</source>
        <translation>Mandanten-ID oder Domäne, z. B. contoso.onmicrosoft.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application (client) ID</source>
        <translation>Anwendungs-ID (Client-ID)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept only in your system&apos;s keychain.</source>
        <translation>Wird nur im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant I&amp;D:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicat&amp;ion ID:</source>
        <translation>A&amp;nwendungs-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client s&amp;ecret:</source>
        <translation>&amp;Geheimer Clientschlüssel:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop waitin&amp;g</source>
        <translation>Warten b&amp;eenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the sign-in</source>
        <translation>Nicht länger auf die Anmeldung warten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sign-in code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy t&amp;he code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;loud:</source>
        <translation>C&amp;loud:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resource Manager:</source>
        <translation>&amp;Resource Manager:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in &amp;authority:</source>
        <translation>Anmeldeau&amp;torität:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message numerus="yes">
        <location line="+104"/>
        <source>%1 (%2): ready, %n subscription(s)</source>
        <extracomment>A tenant of the signed-in account: &quot;Contoso (contoso.example): ready, 2 subscriptions&quot;.</extracomment>
        <translation>
            <numerusform>%1 (%2): bereit, %n Abonnement</numerusform>
            <numerusform>%1 (%2): bereit, %n Abonnements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: needs its own sign-in (%2)</source>
        <translation>%1: braucht eine eigene Anmeldung (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: could not be read (%2)</source>
        <translation>%1: konnte nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 · %2 · %3</source>
        <extracomment>A remembered account: &quot;alex@contoso.example (Alex Wilber) · browser sign-in · AzureCloud&quot;.</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sign in again)</source>
        <translation>%1 (erneut anmelden)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not signed in yet. Choose how to sign in below.</source>
        <translation>Noch nicht angemeldet. Wählen Sie unten aus, wie Sie sich anmelden möchten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in to the local sandbox as %1. Everything you create lives only on this computer; press Next to go on.</source>
        <translation>Bei der lokalen Sandbox angemeldet als %1. Alles, was Sie erstellen, existiert nur auf diesem Computer; klicken Sie auf „Weiter“, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in as %1 (%2). Press Next to go on, or sign in with another account below.</source>
        <translation>Angemeldet als %1 (%2). Klicken Sie auf „Weiter“, um fortzufahren, oder melden Sie sich unten mit einem anderen Konto an.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Signing in needs the system keychain service, which is not available.</source>
        <translation>Für die Anmeldung wird der Schlüsselbunddienst des Systems benötigt, der nicht verfügbar ist.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the tenant, the application ID and the client secret of the service principal.</source>
        <translation>Geben Sie den Mandanten, die Anwendungs-ID und den geheimen Clientschlüssel des Dienstprinzipals ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opening your browser… Finish signing in there; this page goes on by itself.</source>
        <translation>Ihr Browser wird geöffnet… Schließen Sie die Anmeldung dort ab; diese Seite macht dann von selbst weiter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking Microsoft Entra ID for a sign-in code…</source>
        <translation>Ein Anmeldecode wird bei Microsoft Entra ID angefordert…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking the service principal…</source>
        <translation>Der Dienstprinzipal wird geprüft…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking the Azure CLI for its signed-in account…</source>
        <translation>Das angemeldete Konto wird bei der Azure CLI abgefragt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for you to finish signing in in your browser. If no browser opened, &lt;a href=&quot;%1&quot;&gt;open the sign-in page&lt;/a&gt; yourself.</source>
        <translation>Es wird gewartet, bis Sie die Anmeldung in Ihrem Browser abschließen. Falls sich kein Browser geöffnet hat, &lt;a href=&quot;%1&quot;&gt;öffnen Sie die Anmeldeseite&lt;/a&gt; selbst.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>On any device, open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and enter the code below. It works for %n minute(s).</source>
        <translation>
            <numerusform>Öffnen Sie auf einem beliebigen Gerät &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; und geben Sie den folgenden Code ein. Er ist %n Minute lang gültig.</numerusform>
            <numerusform>Öffnen Sie auf einem beliebigen Gerät &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; und geben Sie den folgenden Code ein. Er ist %n Minuten lang gültig.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Continue &amp;for this session only</source>
        <translation>Nur für diese &amp;Sitzung fortfahren</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Signing in as %1…</source>
        <translation>Anmeldung als %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting the sandbox…</source>
        <translation>Die Sandbox wird gestartet…</translation>
    </message>
</context>
<context>
    <name>Dps::Ui::SubscriptionPage</name>
    <message>
        <location filename="../ui/wizard/SubscriptionPage.cpp" line="+23"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warned: pay the overdue bill soon</source>
        <translation>gewarnt: Begleichen Sie die überfällige Rechnung bald</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>past due</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Subscription and resource group</source>
        <translation>Abonnement und Ressourcengruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose where the new resources go. A resource group is a folder for Azure resources that share a lifetime.</source>
        <translation>Wählen Sie aus, wo die neuen Ressourcen angelegt werden. Eine Ressourcengruppe ist ein Ordner für Azure-Ressourcen mit gemeinsamer Lebensdauer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create a ne&amp;w resource group</source>
        <translation>&amp;Neue Ressourcengruppe erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an &amp;existing resource group</source>
        <translation>&amp;Vorhandene Ressourcengruppe verwenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New resource group name</source>
        <translation>Name der neuen Ressourcengruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. iot-provisioning</source>
        <translation>z. B. iot-provisioning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Existing resource group</source>
        <translation>Vorhandene Ressourcengruppe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Subscription:</source>
        <translation>A&amp;bonnement:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource group</source>
        <translation>Ressourcengruppe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only regions that offer both the Device Provisioning Service and IoT Hub are listed.</source>
        <translation>Es werden nur Regionen aufgeführt, die sowohl den Device Provisioning Service als auch IoT Hub anbieten.</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+63"/>
        <source>%1 (%2)</source>
        <extracomment>Subscription in the list: &quot;Production (1f0c2a6e-...)&quot;, with its state when not enabled.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading your subscriptions…</source>
        <translation>Ihre Abonnements werden geladen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2) — %3</source>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in to %1… Finish the sign-in in your browser.</source>
        <translation>Anmeldung bei %1 … Schließen Sie die Anmeldung in Ihrem Browser ab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscriptions of these tenants are not listed until you sign in to them:
%1</source>
        <translation>Abonnements dieser Mandanten werden erst aufgeführt, wenn Sie sich bei ihnen anmelden:
%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This account has no subscriptions. Create one in the Azure portal or sign in with another account.</source>
        <translation>Dieses Konto hat keine Abonnements. Erstellen Sie eines im Azure-Portal, oder melden Sie sich mit einem anderen Konto an.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The subscription of your last setup (%1) is not listed any more: it was deleted, or this account lost access to it. Choose one of these.</source>
        <translation>Das Abonnement Ihrer letzten Einrichtung (%1) wird nicht mehr aufgeführt: Es wurde gelöscht, oder dieses Konto hat keinen Zugriff mehr darauf. Wählen Sie eines der folgenden aus.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This subscription is %1: nothing can be created in it. Choose another one, or re-enable it in the Azure portal.</source>
        <translation>Dieses Abonnement ist %1: Darin kann nichts erstellt werden. Wählen Sie ein anderes aus, oder aktivieren Sie es im Azure-Portal wieder.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking that the subscription can hold IoT resources…</source>
        <translation>Es wird geprüft, ob das Abonnement IoT-Ressourcen aufnehmen kann…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading regions…</source>
        <translation>Regionen werden geladen…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+10"/>
        <source>Registering Microsoft.Devices in this subscription. This usually takes a minute…</source>
        <translation>Microsoft.Devices wird in diesem Abonnement registriert. Das dauert meist etwa eine Minute…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>This subscription is not registered for IoT resources yet (the resource provider Microsoft.Devices is %1). Register it to create a DPS or an IoT hub here; it is free and takes about a minute.</source>
        <translation>Dieses Abonnement ist noch nicht für IoT-Ressourcen registriert (Status des Ressourcenanbieters Microsoft.Devices: %1). Registrieren Sie es, um hier einen DPS oder einen IoT-Hub zu erstellen; das ist kostenlos und dauert etwa eine Minute.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not registered</source>
        <translation>nicht registriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register &amp;Microsoft.Devices</source>
        <translation>&amp;Microsoft.Devices registrieren</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A resource group named &apos;%1&apos; exists already; it will be used as it is.</source>
        <translation>Eine Ressourcengruppe namens „%1“ existiert bereits; sie wird unverändert verwendet.</translation>
    </message>
</context>
</TS>
