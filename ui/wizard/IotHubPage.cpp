#include "NameChecker.h"
#include "Pages.h"
#include "ui/widgets/FieldMessage.h"
#include "ui/widgets/MessageBanner.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Dps::Ui {

using NameKind = Setup::SetupController::NameKind;

namespace {
struct Tier
{
    const char *sku;
    int maxUnits;
};
const Tier kTiers[] = {{"F1", 1}, {"B1", 200}, {"B2", 200}, {"B3", 10}, {"S1", 200}, {"S2", 200}, {"S3", 10}};

QString tierName(const QString &sku)
{
    if (sku == QLatin1String("F1"))
        return IotHubPage::tr("F1 – Free");
    if (sku.startsWith(QLatin1Char('B')))
        return IotHubPage::tr("%1 – Basic").arg(sku);
    return IotHubPage::tr("%1 – Standard").arg(sku);
}

QString tierInfo(const QString &sku)
{
    if (sku == QLatin1String("F1"))
        return IotHubPage::tr("Free: 8,000 messages a day, one unit, two partitions; one free hub per subscription. "
                              "For trying things out.");
    if (sku == QLatin1String("B1"))
        return IotHubPage::tr("Basic: 400,000 messages a day per unit; devices can only send. No cloud-to-device messages, "
                              "device twins or direct methods.");
    if (sku == QLatin1String("B2"))
        return IotHubPage::tr("Basic: 6 million messages a day per unit; devices can only send. No cloud-to-device messages, "
                              "device twins or direct methods.");
    if (sku == QLatin1String("B3"))
        return IotHubPage::tr("Basic: 300 million messages a day per unit, at most 10 units; devices can only send.");
    if (sku == QLatin1String("S1"))
        return IotHubPage::tr("Standard: 400,000 messages a day per unit, with cloud-to-device messages, device twins, "
                              "direct methods and routing. The usual choice.");
    if (sku == QLatin1String("S2"))
        return IotHubPage::tr("Standard: 6 million messages a day per unit, with every IoT Hub feature.");
    return IotHubPage::tr("Standard: 300 million messages a day per unit, at most 10 units, with every IoT Hub feature.");
}
} // namespace


IotHubPage::IotHubPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("iotHubPage"));
    setTitle(tr("IoT hub"));
    setSubTitle(tr("Devices send their data to an IoT hub. Create one, or use one you have, from this or another "
                   "subscription."));

    m_hubSubscription = new QComboBox(this);
    m_hubSubscription->setObjectName(QStringLiteral("hubSubscriptionCombo"));
    m_hubSubscription->setAccessibleName(tr("Subscription of the IoT hub"));
    m_provider = new MessageBanner(this);
    m_provider->setObjectName(QStringLiteral("hubProviderBanner"));
    m_new = new QRadioButton(tr("Create a ne&w IoT hub"), this);
    m_new->setObjectName(QStringLiteral("newHubRadio"));
    m_existing = new QRadioButton(tr("Use an &existing IoT hub"), this);
    m_existing->setObjectName(QStringLiteral("existingHubRadio"));
    m_new->setChecked(true);
    auto *choice = exclusive({m_new, m_existing});
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("hubNameEdit"));
    m_name->setAccessibleName(tr("IoT hub name"));
    // Longer than the 50 Azure allows, so a pasted name is not cut silently: the check says it is too long.
    m_name->setMaxLength(200);
    m_nameMessage = new FieldMessage(m_name, this);
    m_nameMessage->setObjectName(QStringLiteral("hubNameMessage"));
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("hubTierCombo"));
    m_tier->setAccessibleName(tr("Pricing and scale tier"));
    for (const Tier &t : kTiers)
        m_tier->addItem(tierName(QLatin1String(t.sku)), QLatin1String(t.sku));
    m_tierInfo = new QLabel(this);
    m_tierInfo->setObjectName(QStringLiteral("hubTierInfo"));
    wrapText(m_tierInfo);
    m_tierMessage = new FieldMessage(m_tier, this);
    m_tierMessage->setObjectName(QStringLiteral("hubTierMessage"));
    m_units = new QSpinBox(this);
    m_units->setObjectName(QStringLiteral("hubUnitsSpin"));
    m_units->setAccessibleName(tr("Units"));
    m_partitions = new QSpinBox(this);
    m_partitions->setObjectName(QStringLiteral("hubPartitionsSpin"));
    m_partitions->setAccessibleName(tr("Device-to-cloud partitions"));
    m_partitions->setToolTip(tr("How many readers can process device messages in parallel. It cannot be changed later."));
    // An existing group of the subscription, or the name of a new one (created by the plan).
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("hubResourceGroupCombo"));
    m_group->setAccessibleName(tr("Resource group of the new IoT hub"));
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    // No inline completion: typing "dev" must not silently become the listed "dev-rg".
    m_group->setCompleter(nullptr);
    m_group->lineEdit()->setObjectName(QStringLiteral("hubResourceGroupEdit"));
    m_group->lineEdit()->setPlaceholderText(tr("e.g. iot-provisioning"));
    m_groupMessage = new FieldMessage(m_group, this);
    m_groupMessage->setObjectName(QStringLiteral("hubResourceGroupMessage"));
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("hubRegionCombo"));
    m_region->setAccessibleName(tr("IoT hub region"));
    m_hubs = new QComboBox(this);
    m_hubs->setObjectName(QStringLiteral("hubCombo"));
    m_hubs->setAccessibleName(tr("Existing IoT hub"));
    m_hubsMessage = new FieldMessage(m_hubs, this);
    m_hubsMessage->setObjectName(QStringLiteral("hubListMessage"));

    auto *form = new QFormLayout;
    addLabeledRow(form, tr("Subs&cription:"), m_hubSubscription);
    form->addRow(m_provider);
    form->addRow(m_new);
    addLabeledRow(form, tr("N&ame:"), m_name);
    form->addRow(QString(), m_nameMessage);
    addLabeledRow(form, tr("&Tier:"), m_tier);
    form->addRow(QString(), m_tierInfo);
    form->addRow(QString(), m_tierMessage);
    addLabeledRow(form, tr("&Units:"), m_units);
    addLabeledRow(form, tr("&Partitions:"), m_partitions);
    addLabeledRow(form, tr("&Resource group:"), m_group);
    form->addRow(QString(), m_groupMessage);
    addLabeledRow(form, tr("Re&gion:"), m_region);
    form->addRow(m_existing);
    addLabeledRow(form, tr("&Hub:"), m_hubs);
    form->addRow(QString(), m_hubsMessage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    connect(choice, &QButtonGroup::buttonToggled, this, &IotHubPage::updateMode);
    m_nameCheck = new NameChecker(controller, NameKind::Hub, m_name, m_nameMessage, this);
    connect(m_nameCheck, &NameChecker::changed, this, &IotHubPage::completeChanged);
    connect(m_name, &QLineEdit::textEdited, this, &IotHubPage::onNameEdited);
    connect(m_tier, &QComboBox::currentIndexChanged, this, &IotHubPage::updateTier);
    connect(m_hubSubscription, &QComboBox::currentIndexChanged, this, &IotHubPage::onHubSubscriptionChosen);
    connect(m_group, &QComboBox::currentTextChanged, this, [this] {
        updateGroupMessage();
        onPlaceChanged();
    });
    connect(m_region, &QComboBox::currentIndexChanged, this, &IotHubPage::updateGroupMessage);
    connect(m_hubs, &QComboBox::currentIndexChanged, this, &IotHubPage::completeChanged);
    connect(&controller, &Setup::SetupController::locationsChanged, this,
            [this](const QString &sub, const QList<Arm::Location> &locations) {
                if (sub != hubSubscription())
                    return;
                const QString want = wizard() && wizard()->currentPage() == this && !m_region->currentData().toString().isEmpty()
                                         ? m_region->currentData().toString()
                                         : plan().effectiveHubLocation();
                {
                    QSignalBlocker block(m_region);
                    m_region->clear();
                    for (const auto &l : locations)
                        m_region->addItem(l.displayName.isEmpty() ? l.name : l.displayName, l.name);
                    const int i = m_region->findData(want);
                    m_region->setCurrentIndex(i >= 0 ? i : 0);
                }
                updateGroupMessage(); // it names the region of a new group
            });
    connect(&controller, &Setup::SetupController::resourceGroupsChanged, this, &IotHubPage::onResourceGroups);
    connect(&controller, &Setup::SetupController::providerStateChanged, this, &IotHubPage::onProviderState);
    connect(&controller, &Setup::SetupController::hubsChanged, this, [this](const QString &sub, const QList<Arm::IotHub> &hubs) {
        if (sub != hubSubscription())
            return;
        m_hubList = hubs;
        m_hubListFor = sub;
        m_hubsError.clear();
        const QString keep = m_hubs->currentData().toString().isEmpty() && !plan().createHub ? plan().hubName
                                                                                              : m_hubs->currentData().toString();
        m_hubs->clear();
        for (const auto &h : hubs)
            m_hubs->addItem(tr("%1 (%2, resource group %3, %4)").arg(h.name, h.skuName, h.resourceGroup, h.location), h.name);
        const int i = m_hubs->findData(keep);
        if (i >= 0)
            m_hubs->setCurrentIndex(i);
        if (hubs.isEmpty())
            m_hubsMessage->setMessage(Status::Info, tr("This subscription has no IoT hub yet."));
        else
            m_hubsMessage->clear();
        updateTier(); // the free hub of this subscription, if it has one
    });
    connect(&controller, &Setup::SetupController::loadFailed, this, [this](const QString &what, const Arm::ArmError &error) {
        if (what == QLatin1String("hubs")) {
            m_hubsError = error.userMessage();
            m_hubsMessage->setMessage(Status::Error, m_hubsError);
            updateTier();
            return;
        }
        // The subscription page asks these too (about the DPS's subscription): only this page's own
        // questions count, and a registration this page started (it may end after the person went on).
        if (!isCurrent() && !(what == QLatin1String("registerProvider") && m_registering))
            return;
        if (what == QLatin1String("resourceGroups")) {
            m_groupsError = error.userMessage();
            updateGroupMessage();
        } else if (what == QLatin1String("provider") || what == QLatin1String("registerProvider")
                   || what == QLatin1String("locations")) {
            m_registering = false;
            m_provider->clearActions();
            m_provider->showError(error, {},
                                  what == QLatin1String("locations")
                                      ? tr("The regions of this subscription could not be listed.")
                                      : tr("Whether this subscription can hold IoT resources could not be checked."));
            m_provider->addAction(tr("Try aga&in"), [this] {
                m_lookupsFor.clear();
                onHubSubscriptionChosen();
            });
            // The hubs wait for the provider's state: list them anyway (an error says why there are none).
            if (what == QLatin1String("provider") && m_hubListFor != hubSubscription())
                this->controller().loadHubs(hubSubscription(), hubTenant());
            Q_EMIT completeChanged();
        }
    });
    updateTier();
    updateMode();
}

bool IotHubPage::isCurrent() const
{
    return wizard() && wizard()->currentPage() == this;
}

QString IotHubPage::hubSubscription() const
{
    return m_hubSubscription->currentData().toString();
}

QString IotHubPage::hubTenant() const
{
    return m_hubSubscription->currentData(Qt::UserRole + 1).toString();
}

QString IotHubPage::hubGroup() const
{
    return m_group->currentText().trimmed();
}

QString IotHubPage::listedGroup(const QString &name) const
{
    if (m_groupsFor != hubSubscription())
        return {};
    for (const auto &g : m_groupList) {
        if (g.name.compare(name, Qt::CaseInsensitive) == 0)
            return g.name;
    }
    return {};
}

QString IotHubPage::freeHubInUse() const
{
    for (const auto &h : m_hubList) {
        if (h.skuName == QLatin1String("F1"))
            return h.name;
    }
    return {};
}

void IotHubPage::initializePage()
{
    const Setup::PlanInput &p = plan();
    if (!p.createHub)
        m_existing->setChecked(true);
    if (m_name->text().isEmpty() && p.createHub && !p.hubName.isEmpty())
        m_name->setText(p.hubName);
    const int tier = m_tier->findData(p.hubSku);
    if (tier >= 0)
        m_tier->setCurrentIndex(tier);
    m_units->setValue(int(p.hubUnits));
    m_partitions->setValue(p.hubPartitions);

    {
        QSignalBlocker block(m_hubSubscription);
        const QString keep = p.effectiveHubSubscription();
        m_hubSubscription->clear();
        for (const auto &s : controller().subscriptions()) {
            if (!s.isEnabled() && s.state != QLatin1String("Warned"))
                continue;
            m_hubSubscription->addItem(s.subscriptionId == p.subscriptionId ? tr("%1 (same as the DPS)").arg(s.displayName)
                                                                            : tr("%1 (%2)").arg(s.displayName, s.subscriptionId),
                                       s.subscriptionId);
            m_hubSubscription->setItemData(m_hubSubscription->count() - 1, s.tenantId, Qt::UserRole + 1);
        }
        const int i = m_hubSubscription->findData(keep);
        m_hubSubscription->setCurrentIndex(i >= 0 ? i : m_hubSubscription->findData(p.subscriptionId));
    }
    {
        // A new hub goes where the plan says (by default the DPS's group); an existing hub's group is its own.
        QSignalBlocker block(m_group);
        m_group->setEditText(p.createHub ? p.effectiveHubResourceGroup() : p.resourceGroup);
    }
    const int region = m_region->findData(p.effectiveHubLocation());
    if (region >= 0)
        m_region->setCurrentIndex(region);
    m_lookupsFor.clear(); // fresh lists each time the page is entered
    onHubSubscriptionChosen();
    if (!m_name->text().isEmpty())
        onNameEdited();
    updateMode();
}

void IotHubPage::onHubSubscriptionChosen()
{
    const QString sub = hubSubscription();
    if (sub.isEmpty() || sub == m_lookupsFor)
        return;
    m_lookupsFor = sub;
    const QString tenant = hubTenant();
    m_providerFor.clear();
    m_providerRegistered = false;
    m_registering = false;
    m_provider->clear();
    m_groupList.clear();
    m_groupsFor.clear();
    m_groupsError.clear();
    m_hubs->clear();
    m_hubList.clear();
    m_hubListFor.clear();
    m_hubsError.clear();
    m_hubsMessage->setMessage(Status::Busy, tr("Loading the IoT hubs of this subscription…"));
    controller().loadLocations(sub, tenant);
    controller().loadResourceGroups(sub, tenant);
    if (sub.compare(plan().subscriptionId, Qt::CaseInsensitive) == 0) {
        // The subscription page made sure Microsoft.Devices is registered in the DPS's subscription.
        Arm::ProviderState registered;
        registered.registrationState = QStringLiteral("Registered");
        onProviderState(sub, registered);
    } else {
        controller().providerState(sub, tenant);
    }
    updateTier();
    updateGroupMessage();
    onPlaceChanged();
}

void IotHubPage::onProviderState(const QString &subscriptionId, const Arm::ProviderState &state)
{
    if (subscriptionId != hubSubscription())
        return;
    const bool wasUnregistered = m_providerFor == subscriptionId && !m_providerRegistered;
    m_providerFor = subscriptionId;
    m_providerRegistered = state.isRegistered();
    m_provider->clearActions();
    if (m_providerRegistered) {
        m_registering = false;
        m_provider->clear();
        if (m_hubListFor != subscriptionId || wasUnregistered)
            controller().loadHubs(subscriptionId, hubTenant());
        Q_EMIT completeChanged();
        return;
    }
    // Not registered: the subscription can hold no IoT hub yet, so there is none to list.
    m_hubList.clear();
    m_hubListFor = subscriptionId;
    m_hubs->clear();
    m_hubsMessage->setMessage(Status::Info, tr("This subscription has no IoT hub yet."));
    if (state.registrationState == QLatin1String("Registering") && !m_registering && isCurrent()) {
        // Someone registers it already: wait for it with them (the controller asks until it is done).
        m_registering = true;
        controller().registerProvider(subscriptionId, hubTenant());
    }
    if (m_registering) {
        m_provider->showMessage(Status::Busy, tr("Registering Microsoft.Devices in this subscription. This usually takes a minute…"));
    } else {
        m_provider->showMessage(Status::Warning,
                                tr("This subscription is not registered for IoT resources yet (the resource provider "
                                   "Microsoft.Devices is %1), so it has no IoT hub. Register it now, or go on with a new "
                                   "hub: Apply registers it first (a minute or two).")
                                    .arg(state.registrationState.isEmpty() ? tr("not registered") : state.registrationState));
        m_provider->addAction(tr("Register &Microsoft.Devices"), [this, subscriptionId] {
            m_registering = true;
            m_provider->clearActions();
            m_provider->showMessage(Status::Busy, tr("Registering Microsoft.Devices in this subscription. This usually takes a minute…"));
            controller().registerProvider(subscriptionId, hubTenant());
        })->setObjectName(QStringLiteral("hubRegisterProviderButton"));
    }
    updateTier();
}

void IotHubPage::onResourceGroups(const QString &subscriptionId, const QList<Arm::ResourceGroup> &groups)
{
    if (subscriptionId != hubSubscription())
        return;
    m_groupList = groups;
    m_groupsFor = subscriptionId;
    m_groupsError.clear();
    {
        // The typed (or remembered) name stays: the list only offers the existing ones.
        QSignalBlocker block(m_group);
        const QString text = m_group->currentText();
        m_group->clear();
        for (const auto &g : groups)
            m_group->addItem(g.name);
        const int i = m_group->findText(text, Qt::MatchFixedString | Qt::MatchCaseSensitive);
        m_group->setCurrentIndex(i);
        if (i < 0)
            m_group->setEditText(text);
    }
    updateGroupMessage();
}

void IotHubPage::updateGroupMessage()
{
    const QString name = hubGroup();
    const QString problem = Setup::SetupController::resourceGroupProblem(name);
    if (!m_new->isChecked())
        m_groupMessage->clear();
    else if (!problem.isEmpty())
        m_groupMessage->setMessage(Status::Error, problem);
    else if (m_groupsFor == hubSubscription() && !listedGroup(name).isEmpty())
        m_groupMessage->setMessage(Status::Info, tr("Existing resource group."));
    else if (m_groupsFor == hubSubscription())
        m_groupMessage->setMessage(Status::Info, tr("A new resource group '%1' will be created in %2.")
                                                     .arg(name, m_region->currentText().isEmpty() ? tr("the hub's region")
                                                                                                  : m_region->currentText()));
    else if (!m_groupsError.isEmpty())
        m_groupMessage->setMessage(Status::Warning, tr("The resource groups could not be listed (%1). If '%2' does not exist, "
                                                       "it will be created.")
                                                        .arg(m_groupsError, name));
    else if (controller().isSignedIn() && !hubSubscription().isEmpty())
        m_groupMessage->setMessage(Status::Busy, tr("Loading the resource groups of this subscription…"));
    else
        m_groupMessage->clear();
    Q_EMIT completeChanged();
}

void IotHubPage::updateMode()
{
    const bool create = m_new->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_tier), static_cast<QWidget *>(m_units),
                       static_cast<QWidget *>(m_partitions), static_cast<QWidget *>(m_group), static_cast<QWidget *>(m_region)})
        w->setEnabled(create);
    m_units->setEnabled(create && m_tier->currentData().toString() != QLatin1String("F1"));
    m_partitions->setEnabled(create && m_tier->currentData().toString() != QLatin1String("F1"));
    m_hubs->setEnabled(!create);
    updateGroupMessage();
}

void IotHubPage::updateTier()
{
    const QString sku = m_tier->currentData().toString();
    m_tierInfo->setText(tierInfo(sku));
    int maxUnits = 200;
    for (const Tier &t : kTiers) {
        if (sku == QLatin1String(t.sku))
            maxUnits = t.maxUnits;
    }
    m_units->setRange(1, maxUnits);
    if (sku == QLatin1String("F1")) {
        m_partitions->setRange(2, 2);
        // One free hub per subscription: the hub list of the chosen subscription says whether it is taken.
        const QString sub = hubSubscription();
        if (sub.isEmpty() || !controller().isSignedIn()) {
            // Nothing to ask yet (the page is built before anyone signs in): initializePage() checks.
            m_tierMessage->clear();
        } else if (m_hubListFor != sub && !m_hubsError.isEmpty()) {
            m_tierMessage->setMessage(Status::Error, tr("Whether this subscription already has its free hub could not be "
                                                        "checked: %1")
                                                         .arg(m_hubsError));
        } else if (m_hubListFor != sub) {
            m_tierMessage->setMessage(Status::Busy, tr("Checking whether this subscription already has its free hub…"));
        } else if (!freeHubInUse().isEmpty()) {
            m_tierMessage->setMessage(Status::Error,
                                      tr("This subscription already has its one free hub, '%1'. Choose B1 or S1, or use '%1' "
                                         "as an existing hub.")
                                          .arg(freeHubInUse()));
        } else {
            m_tierMessage->clear();
        }
    } else {
        m_partitions->setRange(2, 128); // what the engine and IoT Hub accept
        m_tierMessage->clear();
    }
    updateMode();
}

void IotHubPage::storeHubPlace()
{
    Setup::PlanInput &p = plan();
    const QString sub = hubSubscription();
    const bool sameSubscription = sub.isEmpty() || sub.compare(p.subscriptionId, Qt::CaseInsensitive) == 0;
    p.hubSubscriptionId = sameSubscription ? QString() : sub;
    p.hubTenantId = sameSubscription ? QString() : hubTenant();
    const QString listed = listedGroup(hubGroup());
    const QString group = listed.isEmpty() ? hubGroup() : listed;
    p.hubResourceGroup = sameSubscription && group.compare(p.resourceGroup, Qt::CaseInsensitive) == 0 ? QString() : group;
}

void IotHubPage::onNameEdited()
{
    // Hub names are global: the controller checks them in the DPS's subscription. Whether a taken name
    // is the plan's own hub (an earlier, unfinished run) is looked up where the new hub goes.
    storeHubPlace();
    m_nameCheck->check();
}

void IotHubPage::onPlaceChanged()
{
    // A name free everywhere stays free; a taken one may be this plan's own hub in the new place.
    if (!m_name->text().trimmed().isEmpty() && !m_nameCheck->isFree())
        onNameEdited();
}

bool IotHubPage::isComplete() const
{
    if (m_new->isChecked()) {
        const QString sub = hubSubscription();
        if (sub.isEmpty())
            return false;
        if (m_tier->currentData().toString() == QLatin1String("F1") && (m_hubListFor != sub || !freeHubInUse().isEmpty()))
            return false;
        // Whether the group exists decides whether the plan creates it: wait for the list (or its failure).
        if (!Setup::SetupController::resourceGroupProblem(hubGroup()).isEmpty() || (m_groupsFor != sub && m_groupsError.isEmpty()))
            return false;
        return m_nameCheck->isAvailable() && !m_region->currentData().toString().isEmpty();
    }
    return !m_hubs->currentData().toString().isEmpty();
}

bool IotHubPage::validatePage()
{
    Setup::PlanInput &p = plan();
    p.createHub = m_new->isChecked();
    if (p.createHub) {
        p.hubName = m_name->text().trimmed();
        p.hubSku = m_tier->currentData().toString();
        p.hubUnits = m_units->value();
        p.hubPartitions = m_partitions->value();
        const QString region = m_region->currentData().toString();
        p.hubLocation = region == p.location ? QString() : region;
        storeHubPlace();
        // Not listed (or the list could not be read): the plan creates it, or uses it when it exists after all.
        p.createHubResourceGroup = listedGroup(hubGroup()).isEmpty();
        // Going on without registering Microsoft.Devices in the hub's subscription: Apply registers it first.
        p.registerProviders = !(m_providerFor == hubSubscription() && m_providerRegistered);
        return true;
    }
    for (const auto &h : std::as_const(m_hubList)) {
        if (h.name != m_hubs->currentData().toString())
            continue;
        p.hubName = h.name;
        const bool same = hubSubscription().compare(p.subscriptionId, Qt::CaseInsensitive) == 0;
        p.hubSubscriptionId = same ? QString() : hubSubscription();
        p.hubTenantId = same ? QString() : hubTenant();
        p.hubResourceGroup = h.resourceGroup;
        p.createHubResourceGroup = false;
        p.hubLocation = h.location;
        p.hubSku = h.skuName;
        p.registerProviders = false; // its subscription lists hubs: Microsoft.Devices is registered there
    }
    return true;
}

} // namespace Dps::Ui
