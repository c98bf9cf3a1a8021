<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Dps::Application</name>
    <message>
        <location filename="../app/Application.cpp" line="+31"/>
        <source>DPS Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sets up an Azure IoT Hub Device Provisioning Service without the Azure portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use this language for the user interface instead of the system&apos;s language, for example %1.</source>
        <extracomment>%1 is a language code.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dps::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+89"/>
        <source>DPS Setup</source>
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
        <location line="+2"/>
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
        <source>This app will guide you through setting up an Azure IoT Hub Device Provisioning Service without the Azure portal: sign in, create the provisioning service, create or pick an IoT hub, link the two and choose how devices are allocated to hubs. The guided setup is coming soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About DPS Setup</source>
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
</TS>
