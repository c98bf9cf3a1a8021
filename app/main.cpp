#include "Application.h"

int main(int argc, char **argv)
{
    Dps::Application app(argc, argv);
    return app.run();
}
