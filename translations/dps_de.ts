<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Dps::Application</name>
    <message>
        <location filename="../app/Application.cpp" line="+31"/>
        <source>DPS Setup</source>
        <translation>DPS-Einrichtung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sets up an Azure IoT Hub Device Provisioning Service without the Azure portal.</source>
        <translation>Richtet einen Azure IoT Hub Device Provisioning Service ohne das Azure-Portal ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use this language for the user interface instead of the system&apos;s language, for example %1.</source>
        <extracomment>%1 is a language code.</extracomment>
        <translation>Diese Sprache statt der Systemsprache für die Benutzeroberfläche verwenden, zum Beispiel %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>Dps::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+89"/>
        <source>DPS Setup</source>
        <translation>DPS-Einrichtung</translation>
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
        <location line="+2"/>
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
        <source>This app will guide you through setting up an Azure IoT Hub Device Provisioning Service without the Azure portal: sign in, create the provisioning service, create or pick an IoT hub, link the two and choose how devices are allocated to hubs. The guided setup is coming soon.</source>
        <translation>Diese App führt Sie ohne das Azure-Portal durch die Einrichtung eines Azure IoT Hub Device Provisioning Service: Sie melden sich an, erstellen den Provisioning-Dienst, erstellen einen IoT-Hub oder wählen einen aus, verknüpfen beide und legen fest, wie Geräte den Hubs zugeordnet werden. Die geführte Einrichtung folgt in Kürze.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome message</source>
        <translation>Willkommensnachricht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About DPS Setup</source>
        <translation>Über DPS-Einrichtung</translation>
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
</TS>
